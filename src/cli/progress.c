/* progress.c: a progress bar on standard error for long builds and imports, shown only on a terminal
 * (never in logs, pipes or tests), and erased when done. */
#include <stdio.h>
#include <unistd.h>

#include "progress.h"

void cli_progress(void *user, long done, long total)
{
	const char *what = user ? user : "working";
	if (!isatty(STDERR_FILENO) || total <= 0)
		return;
	if (done >= total) {
		fputs("\r\033[K", stderr);
		return;
	}
	int width = 30, filled = (int)(done * width / total);
	fprintf(stderr, "\r\033[K%s [", what);
	for (int i = 0; i < width; i++)
		fputc(i < filled ? '#' : '.', stderr);
	fprintf(stderr, "] %3ld%%", done * 100 / total);
	fflush(stderr);
}
