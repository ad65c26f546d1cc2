/* version.h: the version of the library, the command and the database schema. */
#ifndef IOTMAP_VERSION_H
#define IOTMAP_VERSION_H

#define IOTMAP_VERSION "0.1.0"
/* Bumped whenever the database layout changes; a database of another schema must be rebuilt. */
#define IOTMAP_SCHEMA_VERSION 3

#endif
