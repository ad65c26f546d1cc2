/* args.c: option parsing shared by the verbs, on top of getopt_long.
 *
 * getopt's own messages are switched off so that every usage error has iotmap's form and exit code. */
#include <getopt.h>
#include <string.h>

#include "args.h"
#include "cli.h"

int cli_args_parse(const char *verb, int argc, char **argv, const cli_arg *args, int min_pos,
		   int max_pos, char ***positional, int *npos)
{
	struct option longopts[16];
	char shortopts[40] = ":";
	size_t n = 0, sl = 1;
	for (const cli_arg *a = args; a->name && n < 15; a++, n++) {
		longopts[n] = (struct option){a->name, a->value ? required_argument : no_argument, NULL,
					      a->short_name ? a->short_name : 256 + (int)n};
		if (a->short_name && sl + 3 < sizeof shortopts) {
			shortopts[sl++] = (char)a->short_name;
			if (a->value)
				shortopts[sl++] = ':';
		}
	}
	longopts[n] = (struct option){NULL, 0, NULL, 0};
	shortopts[sl] = '\0';
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?')
			return cli_usage_error(verb, "unknown option '%s'", argv[optind - 1]);
		if (c == ':')
			return cli_usage_error(verb, "option '%s' needs a value", argv[optind - 1]);
		const cli_arg *a = NULL;
		for (size_t i = 0; i < n; i++)
			if (c == (args[i].short_name ? args[i].short_name : 256 + (int)i))
				a = &args[i];
		if (!a)
			return cli_usage_error(verb, "unknown option '%s'", argv[optind - 1]);
		if (a->value)
			*a->value = optarg;
		else if (a->flag)
			*a->flag = 1;
	}
	*npos = argc - optind;
	*positional = argv + optind;
	if (*npos < min_pos)
		return cli_usage_error(verb, "missing argument");
	if (max_pos >= 0 && *npos > max_pos)
		return cli_usage_error(verb, "unexpected argument '%s'", argv[optind + max_pos]);
	return EXIT_OK;
}
