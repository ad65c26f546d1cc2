/* fuzz_inputs.c: a libFuzzer target for everything iotmap reads from users: dataset YAML files and
 * every import format. The first byte of an input picks the reader; the rest is the file. Each input is
 * read, validated and freed; the sanitizers catch any memory error, leak or undefined behaviour.
 *
 *   make fuzz                 builds build/fuzz/fuzz_inputs and runs it for FUZZ_SECONDS (default 60)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "iotmap/dataset.h"
#include "iotmap/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/iotmap-fuzz-%d", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data + 1, 1, size - 1, f);
	fclose(f);
	im_dataset ds = {0};
	im_diags d = {0};
	switch (data[0] % 8) {
	case 0: im_dataset_load_document_file(path, &ds, &d); break;
	case 1: im_dataset_load_mapping_file(path, &ds, &d); break;
	case 2: im_import_read(path, IM_IMPORT_JSON, NULL, &ds, &d); break;
	case 3: im_import_read(path, IM_IMPORT_CSV, NULL, &ds, &d); break;
	case 4: im_import_read(path, IM_IMPORT_OSCAL_CATALOG, NULL, &ds, &d); break;
	case 5: im_import_read(path, IM_IMPORT_OSCAL_MAPPING, NULL, &ds, &d); break;
	case 7: im_import_read(path, IM_IMPORT_XLSX, NULL, &ds, &d); break;
	default: im_import_read(path, IM_IMPORT_DCMS_JSON, NULL, &ds, &d); break;
	}
	im_dataset_validate(&ds, &d);
	im_diags_sort(&d);
	im_diags_free(&d);
	im_dataset_free(&ds);
	return 0;
}
