/* help.c: the one source of the command's documentation.
 *
 * Each verb's synopsis, description, options and examples are written here once; `iotmap VERB
 * --help`, `iotmap help [VERB]` and docs/cli.md (`iotmap help --markdown`, checked by `make check`)
 * are all printed from this table, so they cannot disagree. */
#include <ctype.h>
#include <string.h>

#include "cli.h"
#include "iotmap/store.h"
#include "iotmap/version.h"

#define OPT_DB {"--db PATH", "the database (default: $IOTMAP_DB, else ./" IM_DEFAULT_DB ")"}
#define OPT_FORMAT(words) {"--format " words, "output format (default: table)"}
#define OPT_HELP {"-h, --help", "show this help"}

static const cli_option_doc validate_opts[] = {
	{"--strict", "treat warnings as errors (exit 1 when there are any)"},
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc build_opts[] = {OPT_DB, OPT_HELP, {NULL, NULL}};
static const cli_option_doc documents_opts[] = {OPT_DB, OPT_FORMAT("table|json|csv"), OPT_HELP,
						{NULL, NULL}};
static const cli_option_doc show_opts[] = {OPT_DB, OPT_FORMAT("table|json|csv"), OPT_HELP, {NULL, NULL}};
static const cli_option_doc map_opts[] = {
	{"--to DOC", "only mappings whose other side is in document DOC"},
	{"--relationship WORD", "only mappings with this relationship (as stored, source to target)"},
	OPT_DB,
	OPT_FORMAT("table|json|csv"),
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc search_opts[] = {
	{"--limit N", "at most N results (default 20; 0 for all)"},
	OPT_DB,
	OPT_FORMAT("table|json|csv"),
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc coverage_opts[] = {
	{"--against DOC", "count only mappings with document DOC"},
	OPT_DB,
	OPT_FORMAT("table|json|csv"),
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc export_opts[] = {
	{"--format F", "json (default): the native open-data format; csv: one row per mapping; items-csv: "
		       "one row per item of --document; oscal-catalog: an OSCAL 1.2 catalog of --document; "
		       "oscal-mapping: an OSCAL 1.2 mapping-collection of the set --source to --target; xlsx: "
		       "a workbook (needs -o)"},
	{"--document ID", "only this document (and, for json, csv and xlsx, the mappings touching it)"},
	{"--source DOC", "with --target: only the mapping set from DOC"},
	{"--target DOC", "with --source: only the mapping set to DOC"},
	{"-o, --output FILE", "write to FILE (written beside it, then renamed) instead of standard output"},
	OPT_DB,
	OPT_HELP,
	{NULL, NULL},
};

static const cli_option_doc import_opts[] = {
	{"--format F", "auto (default: from the file's name and content), dcms-json, json, csv, oscal-catalog, "
		       "oscal-mapping or xlsx"},
	{"--save DIR", "also write the imported documents and mapping sets as dataset files under DIR"},
	OPT_DB,
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc report_opts[] = {
	{"--hub DOC", "the hub document (default etsi-en-303-645-v2.1.1)"},
	OPT_DB,
	OPT_HELP,
	{NULL, NULL},
};
static const cli_option_doc serve_opts[] = {
	{"--bind ADDR", "numeric IPv4 or IPv6 address to listen on (default 127.0.0.1)"},
	{"--port N", "TCP port (default 8080; 0 picks a free one, printed at start)"},
	OPT_DB,
	{"--data DIR", "dataset folder to build the database from when it does not exist (default data)"},
	{"--access-log FILE", "append the access log (combined log format) to FILE instead of standard error"},
	{"--threads N", "worker threads (default: the number of processors)"},
	OPT_HELP,
	{NULL, NULL},
};

const cli_verb cli_verbs[] = {
	{"validate", cmd_validate, "iotmap validate [--strict] [DIR]",
	 "check the dataset files for errors",
	 "Reads every document and mapping-set file under DIR (default: data) and reports every problem "
	 "as FILE:LINE: error: what is wrong and what was expected: YAML syntax, unknown keys, missing "
	 "required keys, words outside the vocabulary, malformed dates and addresses, duplicate ids, "
	 "items whose parent does not exist, and mappings that point at items that do not exist. "
	 "Warnings (FILE:LINE: warning:) flag what is probably wrong but not invalid, such as a "
	 "high-confidence mapping resting on an item marked unverified, a recommendation typed as "
	 "containing a mandatory provision, or a date after today. Exit "
	 "status 1 when there is any error (or, with --strict, any warning).",
	 validate_opts, "iotmap validate\niotmap validate --strict data"},
	{"build", cmd_build, "iotmap build [--db PATH] [DIR]",
	 "compile the dataset into the database",
	 "Validates DIR (default: data) and, only if it has no errors, writes a new database: it is "
	 "built in a temporary file beside PATH and renamed over the old database when complete, so a "
	 "failed or interrupted build leaves the previous database as it was.",
	 build_opts, "iotmap build\niotmap build --db /tmp/iotmap.db data"},
	{"documents", cmd_documents, "iotmap documents [--format F]",
	 "list the documents in the database",
	 "One line per document: id, kind, jurisdiction, publication date, number of items and of "
	 "mappings, whether the record is complete or partial (parts of the source not recorded; "
	 "'iotmap show DOCUMENT' says which), and title.",
	 documents_opts, "iotmap documents\niotmap documents --format json"},
	{"show", cmd_show, "iotmap show [--format F] REF",
	 "show a document, or an item with all its mappings",
	 "REF is a document id (etsi-en-303-645-v2.1.1) or an item reference DOCUMENT:ITEM "
	 "(etsi-en-303-645-v2.1.1:5.1-1). A document is shown with its metadata and items; an item "
	 "with its text, status, condition and every mapping in both directions, each read from this "
	 "item's side (\"this item subset-of that one\") with confidence and rationale.",
	 show_opts, "iotmap show etsi-en-303-645-v2.1.1\niotmap show uk-cop-2018:1"},
	{"map", cmd_map, "iotmap map [--to DOC] [--relationship WORD] [--format F] REF",
	 "list the mappings of a document or item",
	 "Lists the mappings that have REF (a document or DOCUMENT:ITEM) on either side, as stored: "
	 "source, relationship, target. --to keeps those whose other side is in DOC.",
	 map_opts, "iotmap map etsi-ts-103-645-v1.1.1:4.1-1\niotmap map uk-cop-2018 --to etsi-en-303-645-v2.1.1"},
	{"search", cmd_search, "iotmap search [--limit N] [--format F] TEXT...",
	 "full-text search over items",
	 "Finds items whose title, summary, condition or section contain all the words given (English "
	 "stemming, so 'passwords' finds 'password'; end a word with * to match it as a prefix). "
	 "Matches are marked [like this] in the table.",
	 search_opts, "iotmap search default password\niotmap search 'vulnerab*' --limit 5"},
	{"coverage", cmd_coverage, "iotmap coverage [--against DOC] [--format F] HUB",
	 "how much of a hub document the other documents map to",
	 "For each item of HUB: how many other documents, and how many of their items, have a mapping "
	 "with it (either direction; no-relationship does not count), and which documents. The last "
	 "line counts the hub's requirements that at least one other document maps to; when DOC is a "
	 "partial record, a further line says the count is a lower bound and what DOC lacks.",
	 coverage_opts, "iotmap coverage etsi-en-303-645-v2.1.1\niotmap coverage uk-cop-2018 --against etsi-ts-103-645-v1.1.1"},
	{"export", cmd_export,
	 "iotmap export [--format F] [--document ID | --source DOC --target DOC] [-o FILE]",
	 "write the dataset as open data: JSON, CSV, OSCAL, spreadsheet",
	 "Writes documents, items, mapping sets and mappings from the database, all of them or those of "
	 "one document or one mapping set. JSON is the project's native open-data format "
	 "(docs/json-export.md, schema in docs/schema/); CSV has one row per mapping with both sides' "
	 "document, item, title and summary; OSCAL catalogs and mapping-collections follow NIST's OSCAL "
	 "1.2 (related-to mappings are left out of a mapping-collection and counted in its remarks); the "
	 "spreadsheet has a Mappings sheet, a sheet per document, Documents and Mapping sets sheets (so it "
	 "can be imported back) and an About sheet. Every export says "
	 "which dataset version it comes from, its licence, and that summaries are paraphrases. Set "
	 "SOURCE_DATE_EPOCH to fix the generation time.",
	 export_opts,
	 "iotmap export -o iotmap.json\niotmap export --format csv --source uk-psti-regulations-2023 "
	 "--target etsi-en-303-645-v2.1.1\niotmap export --format oscal-catalog --document uk-cop-2018\n"
	 "iotmap export --format xlsx -o iotmap.xlsx"},
	{"import", cmd_import, "iotmap import [--format F] [--save DIR] [--db PATH] FILE",
	 "bring documents and mappings in from another file",
	 "Reads FILE: the 2018-2020 DCMS Code of Practice mapping open data as published (dcms-json), "
	 "iotmap's own JSON, CSV or xlsx exports, an OSCAL catalog or an OSCAL mapping-collection. Large "
	 "JSON and CSV files are read one record at a time; a progress bar shows on a terminal. The content "
	 "is merged with the database (a document or mapping set with the same id is replaced; a CSV "
	 "mapping table replaces the sets it holds, keeping their descriptions), the whole is validated, and "
	 "only then is the database rebuilt, atomically; it is created if it does not exist. Any problem "
	 "is reported with where it is (FILE:LINE for CSV rows and JSON syntax, FILE#/json/pointer for "
	 "JSON content) and nothing is changed.",
	 import_opts,
	 "iotmap import ../shared/dcms/Mapping-of-Code-of-Practice-to-recommendations-and-standards_v4.json\n"
	 "iotmap import --db mine.db edited-mappings.csv\niotmap import --save data catalog.json"},
	{"report", cmd_report, "iotmap report [--hub DOC] [--db PATH]",
	 "the dataset in figures, as Markdown",
	 "Prints, per document, its items, requirements and mappings, the share of its items that are "
	 "mapped and the share of the hub's requirements it reaches; then, per hub requirement, how many "
	 "documents map to it. docs/DATA.md is this report ('make data-report'); CI checks it is current.",
	 report_opts, "iotmap report > docs/DATA.md"},
	{"serve", cmd_serve, "iotmap serve [--bind ADDR] [--port N] [--db PATH] [--access-log FILE]",
	 "run the web site and JSON API",
	 "Serves the mapping web site (HTML pages that work without script) and the JSON API under "
	 "/api/v1 (described at /api/v1/openapi.json) from the database, read-only. If the database "
	 "does not exist it is first built from --data. Each connection is limited in time and memory, "
	 "and connections are limited in total and per client address. SIGINT or SIGTERM stops accepting "
	 "connections, lets requests in flight finish and exits 0.",
	 serve_opts, "iotmap serve\niotmap serve --bind 0.0.0.0 --port 8000 --access-log access.log"},
	{"help", cli_help_main, "iotmap help [VERB | --markdown]", "show help",
	 "Without arguments, lists the verbs; with a verb, its help; with --markdown, the whole "
	 "reference as Markdown (docs/cli.md is made this way).",
	 NULL, "iotmap help show"},
	{NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const char EXIT_CODES[] = "Exit status: 0 success; 1 the data has errors (validate, build); "
				 "2 bad command line; 3 unknown document or item; 4 database or "
				 "file error.";
static const char ENVIRONMENT[] = "Environment: IOTMAP_DB, the database path when --db is not given; "
				  "SOURCE_DATE_EPOCH, a fixed 'generated' time for exports.";

const cli_verb *cli_find_verb(const char *name)
{
	for (const cli_verb *v = cli_verbs; v->name; v++)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

/* Print text wrapped at 78 columns with the given indent. */
static void wrap(FILE *out, const char *text, int indent)
{
	int col = 0;
	const char *p = text;
	while (*p) {
		if (*p == '\n') {
			fputc('\n', out);
			col = 0;
			p++;
			continue;
		}
		const char *w = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		int len = (int)(p - w);
		if (col > 0 && col + 1 + len > 78) {
			fputc('\n', out);
			col = 0;
		}
		if (col == 0) {
			col = fprintf(out, "%*s", indent, "");
		} else {
			fputc(' ', out);
			col++;
		}
		col += (int)fwrite(w, 1, (size_t)len, out);
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

void cli_print_verb_help(const cli_verb *v, FILE *out)
{
	fprintf(out, "Usage: %s\n\n", v->synopsis);
	wrap(out, v->description, 0);
	if (v->options) {
		fputs("\nOptions:\n", out);
		for (const cli_option_doc *o = v->options; o->flag; o++) {
			fprintf(out, "  %-22s ", o->flag);
			if (strlen(o->flag) > 22)
				fprintf(out, "\n%25s", "");
			fputs(o->text, out);
			fputc('\n', out);
		}
	}
	fputs("\nExamples:\n", out);
	wrap(out, v->examples, 2);
	fputc('\n', out);
	wrap(out, EXIT_CODES, 0);
}

void cli_print_usage(FILE *out)
{
	fputs("iotmap " IOTMAP_VERSION ": consumer-IoT security requirements, mapped to each other.\n\n"
	      "Usage: iotmap VERB [OPTIONS] [ARGUMENTS]\n\nVerbs:\n", out);
	for (const cli_verb *v = cli_verbs; v->name; v++)
		fprintf(out, "  %-10s %s\n", v->name, v->summary);
	fputs("\nRun 'iotmap VERB --help' for a verb's options. 'iotmap --version' prints the version.\n\n",
	      out);
	wrap(out, EXIT_CODES, 0);
	wrap(out, ENVIRONMENT, 0);
}

static void print_markdown(FILE *out)
{
	fputs("# iotmap command reference\n\n"
	      "<!-- Generated by 'iotmap help --markdown' from src/cli/help.c; edit there, then run "
	      "'make docs'. -->\n\n", out);
	fprintf(out, "%s\n\n%s\n", EXIT_CODES, ENVIRONMENT);
	for (const cli_verb *v = cli_verbs; v->name; v++) {
		fprintf(out, "\n## iotmap %s\n\n%c%s.\n\n```\n%s\n```\n\n%s\n", v->name,
			toupper((unsigned char)v->summary[0]), v->summary + 1, v->synopsis, v->description);
		if (v->options) {
			fputs("\n| option | meaning |\n|---|---|\n", out);
			for (const cli_option_doc *o = v->options; o->flag; o++)
				fprintf(out, "| `%s` | %s |\n", o->flag, o->text);
		}
		fprintf(out, "\nExamples:\n\n```\n%s\n```\n", v->examples);
	}
}

int cli_help_main(int argc, char **argv)
{
	if (argc < 2) {
		cli_print_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--markdown") == 0) {
		print_markdown(stdout);
		return EXIT_OK;
	}
	const cli_verb *v = cli_find_verb(argv[1]);
	if (!v)
		return cli_usage_error("help", "unknown verb '%s'", argv[1]);
	cli_print_verb_help(v, stdout);
	return EXIT_OK;
}
