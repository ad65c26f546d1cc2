/* import.c: choosing the reader for a file (by its name and first bytes, unless told). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

static const char *const NAMES[] = {"auto",	       "dcms-json",	"json", "csv",
				    "oscal-catalog", "oscal-mapping", "xlsx"};

int im_import_format_parse(const char *word, im_import_format *f)
{
	for (int i = 0; i < (int)(sizeof NAMES / sizeof *NAMES); i++)
		if (strcmp(word, NAMES[i]) == 0) {
			*f = (im_import_format)i;
			return 0;
		}
	return -1;
}

const char *im_import_format_name(im_import_format f)
{
	return NAMES[f];
}

int im_import_detect(const char *path, im_import_format *f, char **err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		*err = im_xasprintf("cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	char head[4096];
	size_t n = fread(head, 1, sizeof head - 1, fp);
	head[n] = '\0';
	fclose(fp);
	const char *p = head;
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
		p += 3;
	while (isspace((unsigned char)*p))
		p++;
	size_t len = strlen(path);
	if (*p == '[' && (strstr(p, "\"Disclaimer\"") || strstr(p, "\"Version\"")))
		*f = IM_IMPORT_DCMS_JSON;
	else if (*p == '{' && strstr(p, "\"mapping-collection\""))
		*f = IM_IMPORT_OSCAL_MAPPING;
	else if (*p == '{' && strstr(p, "\"catalog\""))
		*f = IM_IMPORT_OSCAL_CATALOG;
	else if (*p == '{' && strstr(p, "\"format\""))
		*f = IM_IMPORT_JSON;
	else if (len > 4 && strcmp(path + len - 4, ".csv") == 0)
		*f = IM_IMPORT_CSV;
	else if (p[0] == 'P' && p[1] == 'K')
		*f = IM_IMPORT_XLSX; /* a zip archive: an xlsx workbook */
	else {
		*err = im_xasprintf("cannot tell the format of %s; give --format (" IM_IMPORT_FORMAT_WORDS ")",
				    path);
		return -1;
	}
	return 0;
}

size_t im_import_read(const char *path, im_import_format f, const im_dataset *existing, im_dataset *ds,
		      im_diags *d)
{
	switch (f) {
	case IM_IMPORT_DCMS_JSON: return im_import_dcms(path, ds, d);
	case IM_IMPORT_JSON: return im_import_json(path, ds, d);
	case IM_IMPORT_CSV: return im_import_csv(path, existing, ds, d);
	case IM_IMPORT_OSCAL_CATALOG: return im_import_oscal_catalog(path, ds, d);
	case IM_IMPORT_OSCAL_MAPPING: return im_import_oscal_mapping(path, existing, ds, d);
	case IM_IMPORT_XLSX: return im_import_xlsx(path, ds, d);
	default: break;
	}
	im_error(d, path, 0, "no format chosen");
	return 1;
}
