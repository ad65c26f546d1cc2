/* vocab.c: word lists and small syntactic checks (see vocab.h). */
#include "iotmap/vocab.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *const im_relationships[] = {"equal-to",	   "equivalent-to",   "subset-of",
					"superset-of",	   "intersects-with", "no-relationship",
					"related-to",	   NULL};
const char *const im_matching_rationales[] = {"syntactic", "semantic", "functional", NULL};
const char *const im_confidences[] = {"high", "medium", "low", NULL};
const char *const im_methods[] = {"human", "automation", "hybrid", NULL};
const char *const im_document_kinds[] = {"standard",		 "regulation",
					 "guidance",		 "certification-scheme",
					 "test-specification", NULL};
const char *const im_document_statuses[] = {"current", "superseded", "draft", "withdrawn", NULL};
const char *const im_item_kinds[] = {"group", "requirement", NULL};
const char *const im_item_statuses[] = {"mandatory", "recommended", "informative", NULL};
const char *const im_booleans[] = {"true", "false", NULL};

bool im_word_in(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(word, *list) == 0)
			return true;
	return false;
}

const char *im_word_list(const char *const *list, char *buf, unsigned size)
{
	size_t n = 0;
	while (list[n])
		n++;
	buf[0] = '\0';
	size_t used = 0;
	for (size_t i = 0; i < n && used < size; i++) {
		const char *sep = i == 0 ? "" : (i + 1 == n ? " or " : ", ");
		int w = snprintf(buf + used, size - used, "%s%s", sep, list[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

const char *im_relationship_inverse(const char *rel)
{
	if (strcmp(rel, "subset-of") == 0)
		return "superset-of";
	if (strcmp(rel, "superset-of") == 0)
		return "subset-of";
	return rel;
}

bool im_is_slug(const char *s)
{
	if (!s || !(islower((unsigned char)*s) || isdigit((unsigned char)*s)))
		return false;
	for (s++; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '.' || *s == '-'))
			return false;
	return true;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool im_is_date(const char *s, bool full_only)
{
	size_t len = strlen(s);
	if (len != 4 && len != 7 && len != 10)
		return false;
	if (full_only && len != 10)
		return false;
	if (!digits(s, 4))
		return false;
	if (len == 4)
		return true;
	if (s[4] != '-' || !digits(s + 5, 2))
		return false;
	int year = num(s, 4), month = num(s + 5, 2);
	if (month < 1 || month > 12)
		return false;
	if (len == 7)
		return true;
	if (s[7] != '-' || !digits(s + 8, 2))
		return false;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	int day = num(s + 8, 2), max = mdays[month - 1] + (month == 2 && leap);
	return day >= 1 && day <= max;
}

bool im_is_http_url(const char *s)
{
	const char *rest = NULL;
	if (strncmp(s, "https://", 8) == 0)
		rest = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		rest = s + 7;
	if (!rest || !*rest || *rest == '/')
		return false;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p))
			return false;
	return true;
}
