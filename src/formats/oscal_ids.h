/* oscal_ids.h (internal): identifiers for OSCAL documents.
 *
 * OSCAL control and group ids must be XML NCName tokens (a letter or '_' first; letters, digits, '.',
 * '-', '_' after), which source numbering like "5.1-1" or "Annex I Part I (2)(c)" is not; the original
 * id always travels in a "label" property. UUIDs are version 5 (name-based, SHA-1), so the same data
 * always exports to the same UUIDs and round trips can be compared. */
#ifndef IOTMAP_OSCAL_IDS_H
#define IOTMAP_OSCAL_IDS_H

#define IM_OSCAL_NS "urn:iotmap:oscal"
#define IM_OSCAL_VERSION "1.2.2"

/* UUID v5 of name in iotmap's namespace, written to out (37 bytes). */
void im_oscal_uuid(const char *name, char out[37]);
/* The NCName token for an item id (caller frees); unique within a document if ids are. */
char *im_oscal_token(const char *item_id);

#endif
