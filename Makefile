# iotmap build. Plain make: the library (build/libiotmap.a), the command (build/iotmap), and a second
# copy of both under build/asan/ built with AddressSanitizer and UndefinedBehaviorSanitizer for tests.
#
#   make              build the command
#   make db           compile data/ into $(DB)
#   make run          build, compile the database, list the documents, start the web site on $(PORT)
#   make check        every test: unit, command-line, valgrind, dataset, generated docs (see tests/)
#   make docs         regenerate generated documentation (docs/cli.md)
#   make bench        the scaling benchmark; make bench-web: the server against nginx (bench/README.md)
#   make fuzz         libFuzzer over every reader of user input, for FUZZ_SECONDS

CC       ?= cc
PKGS     := libfyaml jansson sqlite3 libmicrohttpd zlib xlsxwriter libcrypto libzip libxml-2.0
CPPFLAGS += -Iinclude -D_GNU_SOURCE
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            $(shell pkg-config --cflags $(PKGS))
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lcsv
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

DB       ?= iotmap.db
DATA     ?= data
PORT     ?= 8080

LIB_SRC  := $(wildcard src/lib/*.c src/formats/*.c)
CLI_SRC  := $(wildcard src/cli/*.c src/web/*.c) build/gen/assets.c
HEADERS  := $(wildcard include/iotmap/*.h src/lib/*.h src/formats/*.h src/cli/*.h src/web/*.h)
ASSETS   := $(wildcard src/web/static/*) src/web/openapi.json
UNIT_SRC := $(wildcard tests/unit/test_*.c)

LIB_OBJ  := $(LIB_SRC:%.c=build/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=build/obj/%.o)
ALIB_OBJ := $(LIB_SRC:%.c=build/asan/obj/%.o)
ACLI_OBJ := $(CLI_SRC:%.c=build/asan/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

.PHONY: all db run check test unit cli-tests web-tests browser-tests valgrind data-check copycheck docs docs-check data-report bench bench-web bench-formats fuzz clean

all: build/iotmap

build/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

build/asan/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SANITIZE) -c $< -o $@

# Static files are compiled into the binary (see tools/embed_assets.c).
build/gen/assets.c: $(ASSETS) build/embed_assets
	@mkdir -p $(dir $@)
	build/embed_assets $@ $(foreach f,$(ASSETS),$(notdir $(f))=$(f))

build/embed_assets: tools/embed_assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< -o $@

build/obj/build/gen/%.o: build/gen/%.c src/web/assets.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc/web $(CFLAGS) -c $< -o $@

build/asan/obj/build/gen/%.o: build/gen/%.c src/web/assets.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc/web $(CFLAGS) $(SANITIZE) -c $< -o $@

build/libiotmap.a: $(LIB_OBJ)
	ar rcs $@ $^

build/asan/libiotmap.a: $(ALIB_OBJ)
	ar rcs $@ $^

build/iotmap: $(CLI_OBJ) build/libiotmap.a
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

build/asan/iotmap: $(ACLI_OBJ) build/asan/libiotmap.a
	$(CC) $(CFLAGS) $(SANITIZE) $^ $(LDLIBS) -o $@

build/asan/tests/%: tests/unit/%.c tests/unit/testutil.h build/asan/libiotmap.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc/lib $(CFLAGS) $(SANITIZE) $< build/asan/libiotmap.a $(LDLIBS) -lcmocka -o $@

db: build/iotmap
	build/iotmap build --db $(DB) $(DATA)

run: db
	build/iotmap documents --db $(DB)
	@echo
	build/iotmap coverage --db $(DB) etsi-en-303-645-v2.1.1 | tail -1
	@echo
	@echo "Starting the web site: open http://127.0.0.1:$(PORT)/ in a browser (Ctrl-C stops it)."
	build/iotmap serve --db $(DB) --port $(PORT)

unit: $(UNIT_BIN)
	tests/run-unit.sh $(UNIT_BIN)

cli-tests: build/asan/iotmap
	tests/run-cli.sh build/asan/iotmap tests/cli/*.test

web-tests: build/asan/iotmap
	tests/run-web.sh build/asan/iotmap tests/web/*.test

browser-tests: build/iotmap
	build/iotmap build --db build/browser.db $(DATA) >/dev/null
	node tests/browser/run.mjs build/iotmap build/browser.db

valgrind: build/iotmap
	tests/run-valgrind.sh build/iotmap

data-check: build/iotmap
	build/iotmap validate --strict $(DATA)

# The content rule, checked mechanically: no text of ours shares a run of COPY_WORDS words with the
# excerpts of the DCMS mapping (tools/copycheck.c; add your own reading notes with COPY_SOURCES=...).
DCMS_JSON   ?= ../shared/dcms/Mapping-of-Code-of-Practice-to-recommendations-and-standards_v4.json
COPY_WORDS  ?= 7
COPY_SOURCES ?=
copycheck: build/iotmap build/copycheck
	build/iotmap build --db build/report.db $(DATA) >/dev/null
	build/copycheck -n $(COPY_WORDS) -f 'Recommendation Extracted from Linked Source' build/report.db \
	  $(DCMS_JSON) $(COPY_SOURCES)

build/copycheck: tools/copycheck.c build/libiotmap.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $^ -o $@ $(LDLIBS)

docs: build/iotmap data-report
	build/iotmap help --markdown > docs/cli.md

# docs/DATA.md: the dataset in figures, from a database built from data/ (not the user's database).
data-report: build/iotmap
	build/iotmap build --db build/report.db $(DATA) >/dev/null
	build/iotmap report --db build/report.db > docs/DATA.md

docs-check: build/iotmap
	build/iotmap help --markdown | diff -u docs/cli.md - || \
	  { echo "docs/cli.md is out of date: run 'make docs'"; exit 1; }
	build/iotmap build --db build/report.db $(DATA) >/dev/null
	build/iotmap report --db build/report.db | diff -u docs/DATA.md - || \
	  { echo "docs/DATA.md is out of date: run 'make data-report'"; exit 1; }

check test:
	+tests/check.sh

bench: build/iotmap build/gen_dataset
	bench/run.sh

bench-web: build/iotmap
	bench/web.sh

bench-formats: build/iotmap build/gen_dataset
	bench/formats.sh

clean:
	rm -rf build

# libFuzzer over every reader of user input (fuzz/fuzz_inputs.c); clang only, not part of make check.
FUZZ_SECONDS ?= 60
build/fuzz/fuzz_inputs: fuzz/fuzz_inputs.c $(LIB_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -Isrc/lib -g -O1 -std=c11 -Wall -Wextra -Werror \
	  -fsanitize=fuzzer,address,undefined $(shell pkg-config --cflags $(PKGS)) \
	  fuzz/fuzz_inputs.c $(LIB_SRC) $(LDLIBS) -o $@

fuzz: build/fuzz/fuzz_inputs build/iotmap
	fuzz/seed.sh build/fuzz/corpus build/iotmap
	build/fuzz/fuzz_inputs -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus

build/gen_dataset: bench/gen_dataset.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $< -o $@
