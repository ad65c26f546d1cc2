/* progress.h: see progress.c. user is the label ("writing the database"). */
#ifndef IOTMAP_CLI_PROGRESS_H
#define IOTMAP_CLI_PROGRESS_H

void cli_progress(void *user, long done, long total);

#endif
