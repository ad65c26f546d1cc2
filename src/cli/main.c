/* main.c: the iotmap command: find the verb, hand it the arguments. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "iotmap/version.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		cli_print_usage(stderr);
		return EXIT_USAGE;
	}
	const char *verb = argv[1];
	if (strcmp(verb, "-h") == 0 || strcmp(verb, "--help") == 0) {
		cli_print_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(verb, "--version") == 0 || strcmp(verb, "-V") == 0) {
		puts("iotmap " IOTMAP_VERSION);
		return EXIT_OK;
	}
	const cli_verb *v = cli_find_verb(verb);
	if (!v)
		return cli_usage_error(NULL, "unknown verb '%s'", verb);
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_print_verb_help(v, stdout);
			return EXIT_OK;
		}
	}
	return v->run(argc - 1, argv + 1);
}
