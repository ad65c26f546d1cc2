/* gen_dataset.c: writes a synthetic dataset of a given size for the scaling benchmark.
 *
 *   gen_dataset DIR MAPPINGS
 *
 * One hub document of 100 requirements in 10 groups, and ceil(MAPPINGS / 1000) spoke documents of
 * 1000 requirements each, every spoke item mapped to one hub item (relationships and confidences
 * cycle through the vocabulary). Items therefore grow with mappings, as in real data. The output is
 * valid for `iotmap validate`; it is deterministic, so runs are comparable. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PER_DOC 1000
#define HUB_GROUPS 10
#define HUB_PER_GROUP 10

static const char *const rels[] = {"equivalent-to", "subset-of", "superset-of", "intersects-with"};
static const char *const confs[] = {"high", "medium", "low"};

static FILE *open_out(const char *dir, const char *sub, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s/%s.yaml", dir, sub, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen_dataset: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static void header(FILE *f, const char *id, const char *kind)
{
	fprintf(f, "id: %s\ntitle: Synthetic document %s\npublisher: iotmap bench\nversion: \"1\"\n"
		   "published: 2026-01-01\nurl: https://example.org/%s\nkind: %s\njurisdiction: international\n"
		   "status: current\nlicence: synthetic benchmark data\ndescription: Generated for the scaling "
		   "benchmark.\nitems:\n",
		id, id, id, kind);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen_dataset DIR MAPPINGS\n");
		return 2;
	}
	const char *dir = argv[1];
	long mappings = strtol(argv[2], NULL, 10);
	char path[4096];
	snprintf(path, sizeof path, "%s/documents", dir);
	mkdir(dir, 0755);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/mappings", dir);
	mkdir(path, 0755);

	FILE *f = open_out(dir, "documents", "hub");
	header(f, "hub", "standard");
	for (int g = 1; g <= HUB_GROUPS; g++) {
		fprintf(f, "  - id: \"%d\"\n    kind: group\n    title: Hub group %d\n    section: clause %d\n"
			   "    summary: Group %d of the synthetic hub.\n",
			g, g, g, g);
		for (int r = 1; r <= HUB_PER_GROUP; r++)
			fprintf(f, "  - id: %d-%d\n    parent: \"%d\"\n    kind: requirement\n    status: mandatory\n"
				   "    section: clause %d\n    summary: Hub requirement %d-%d about device security "
				   "topic %d.\n",
				g, r, g, g, g, r, (g * 7 + r) % 23);
	}
	fclose(f);

	long docs = (mappings + PER_DOC - 1) / PER_DOC, written = 0;
	for (long d = 0; d < docs; d++) {
		char id[64];
		snprintf(id, sizeof id, "spoke-%05ld", d);
		f = open_out(dir, "documents", id);
		header(f, id, "guidance");
		for (int i = 0; i < PER_DOC; i++)
			fprintf(f, "  - id: R%d\n    kind: requirement\n    section: page %d\n    summary: Spoke %ld "
				   "requirement %d on security topic %d.\n",
				i, i / 10 + 1, d, i, (int)((d + i) % 23));
		fclose(f);
		char set[96];
		snprintf(set, sizeof set, "%s--hub", id);
		f = open_out(dir, "mappings", set);
		fprintf(f, "source: %s\ntarget: hub\ndescription: Synthetic mappings.\nmethod: automation\n"
			   "author: iotmap bench\ndate: 2026-01-01\nmappings:\n",
			id);
		for (int i = 0; i < PER_DOC && written < mappings; i++, written++) {
			long h = (d * 31 + i) % (HUB_GROUPS * HUB_PER_GROUP);
			fprintf(f, "  - source: R%d\n    target: %ld-%ld\n    relationship: %s\n"
				   "    matching-rationale: semantic\n    confidence: %s\n    rationale: Synthetic "
				   "mapping %ld for the benchmark.\n",
				i, h / HUB_PER_GROUP + 1, h % HUB_PER_GROUP + 1, rels[(d + i) % 4],
				confs[(d + i) % 3], written);
		}
		fclose(f);
	}
	return 0;
}
