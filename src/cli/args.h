/* args.h: declarative option lists for the verbs (see args.c). */
#ifndef IOTMAP_CLI_ARGS_H
#define IOTMAP_CLI_ARGS_H

typedef struct cli_arg {
	const char *name; /* long name without dashes; NULL ends the list */
	int short_name;	  /* 0 when none */
	const char **value; /* set for options that take a value */
	int *flag;	    /* set to 1 for options without a value */
} cli_arg;

/* Parse argv (argv[0] is the verb); returns EXIT_OK or EXIT_USAGE after printing why. max_pos < 0:
 * any number of positional arguments. */
int cli_args_parse(const char *verb, int argc, char **argv, const cli_arg *args, int min_pos,
		   int max_pos, char ***positional, int *npos);

#endif
