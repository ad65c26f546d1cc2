/* oscal_ids.c: OSCAL tokens and name-based UUIDs (see oscal_ids.h). */
#include "oscal_ids.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "iotmap/util.h"

/* iotmap's UUID namespace (itself a random v4 UUID, fixed forever). */
static const unsigned char NAMESPACE[16] = {0x6f, 0x2d, 0x9a, 0x41, 0x3c, 0x57, 0x4e, 0x0b,
					    0x9d, 0x12, 0x7a, 0xe4, 0x55, 0x08, 0xc1, 0x3f};

void im_oscal_uuid(const char *name, char out[37])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_sha1(), NULL);
	EVP_DigestUpdate(ctx, NAMESPACE, sizeof NAMESPACE);
	EVP_DigestUpdate(ctx, name, strlen(name));
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50); /* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", md[0], md[1],
		 md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9], md[10], md[11], md[12], md[13], md[14],
		 md[15]);
}

static int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
	       c == '-' || c == '_' || c >= 0x80; /* non-ASCII letters are allowed; keep UTF-8 as is */
}

char *im_oscal_token(const char *id)
{
	im_strbuf b = {0};
	unsigned char first = (unsigned char)id[0];
	if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_'))
		im_sb_add(&b, "_");
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (name_char(*p)) {
			im_sb_addn(&b, (const char *)p, 1);
		} else {
			/* Keep distinct ids distinct: escape the character rather than dropping it. */
			im_sb_printf(&b, "_%02x", *p);
		}
	}
	return im_sb_take(&b);
}
