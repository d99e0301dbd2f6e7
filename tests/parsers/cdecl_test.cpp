// C prototypes and struct declarations as man pages show them.
#include <catch2/catch.hpp>

#include "parsers/cdecl/cdecl.h"

using namespace manaudit::cdecl;

TEST_CASE("a simple prototype: return type, name, parameters", "[cdecl]") {
    auto fn = parse_prototype("int   open(const char *pathname,\n int flags);");
    REQUIRE(fn);
    CHECK(fn->text == "int open(const char *pathname, int flags);");
    CHECK(fn->return_type == "int");
    CHECK(fn->name == "open");
    REQUIRE(fn->params.size() == 2);
    CHECK(fn->params[0].type == "const char *");
    CHECK(fn->params[0].name == "pathname");
    CHECK(fn->params[1].type == "int");
    CHECK(fn->params[1].name == "flags");
    CHECK_FALSE(fn->variadic);
}

TEST_CASE("variadic prototypes and (void)", "[cdecl]") {
    auto fn = parse_prototype("long syscall(long number, ...);");
    REQUIRE(fn);
    CHECK(fn->variadic);
    REQUIRE(fn->params.size() == 1);
    auto none = parse_prototype("pid_t getpid(void);");
    REQUIRE(none);
    CHECK(none->params.empty());
    CHECK(none->return_type == "pid_t");
}

TEST_CASE("syscall(SYS_x, ...) names the system call and drops the SYS_ argument", "[cdecl]") {
    auto fn = parse_prototype("int syscall(SYS_readdir, unsigned int fd, struct old_linux_dirent *dirp, unsigned int count);");
    REQUIRE(fn);
    CHECK(fn->name == "syscall");
    CHECK(fn->syscall_name == "readdir");
    REQUIRE(fn->params.size() == 3);
    CHECK(fn->params[0].type == "unsigned int");
    CHECK(fn->params[1].type == "struct old_linux_dirent *");
    CHECK(fn->params[1].name == "dirp");
}

TEST_CASE("_Nullable is kept in the text and dropped from the type, arrays stay with the type", "[cdecl]") {
    auto fn = parse_prototype("int execve(const char *pathname, char *const _Nullable argv[], int fds[2]);");
    REQUIRE(fn);
    REQUIRE(fn->params.size() == 3);
    CHECK(fn->params[1].text == "char *const _Nullable argv[]");
    CHECK(fn->params[1].type == "char *const[]");
    CHECK(fn->params[1].name == "argv");
    CHECK(fn->params[2].type == "int[2]");
    CHECK(fn->params[2].name == "fds");
}

TEST_CASE("function-pointer parameters", "[cdecl]") {
    auto fn = parse_prototype("int clone(int (*fn)(void *_Nullable), void *stack, int flags, ...);");
    REQUIRE(fn);
    REQUIRE(fn->params.size() == 3);
    CHECK(fn->params[0].name == "fn");
    CHECK(fn->params[0].type == "int (*)(void *)");
    CHECK(fn->variadic);
}

TEST_CASE("unnamed parameters and struct tags are not names", "[cdecl]") {
    auto fn = parse_prototype("int f(size_t, struct stat *, unsigned long);");
    REQUIRE(fn);
    REQUIRE(fn->params.size() == 3);
    for (const auto& p : fn->params) CHECK(p.name.empty());
    CHECK(fn->params[1].type == "struct stat *");
}

TEST_CASE("pointer return types and attributes", "[cdecl]") {
    auto fn = parse_prototype("[[deprecated]] void *mmap(void *addr, size_t length);");
    REQUIRE(fn);
    CHECK(fn->return_type == "void *");
    CHECK(fn->name == "mmap");
}

TEST_CASE("non-prototypes are refused", "[cdecl]") {
    CHECK_FALSE(parse_prototype("typedef void (*sighandler_t)(int);"));
    CHECK_FALSE(parse_prototype("extern char **environ;"));
    CHECK_FALSE(parse_prototype("struct x { int (*f)(int); };"));
    CHECK_FALSE(parse_prototype(""));
    CHECK_FALSE(parse_prototype("int f(int a"));
}

TEST_CASE("structs in code with fields, arrays, comments, lines", "[cdecl]") {
    auto found = find_structs("struct epoll_event {\n"
                              "    uint32_t      events;  /* Epoll events */\n"
                              "    epoll_data_t  data;    /* User data */\n"
                              "    char          name[16], other;\n"
                              "    void        (*cb)(int);\n"
                              "    unsigned int  bits : 3;\n"
                              "} __attribute__((packed));\n",
                              10);
    REQUIRE(found.size() == 1);
    const CStruct& s = found[0];
    CHECK(s.name == "epoll_event");
    CHECK(s.line == 10);
    CHECK(s.attributes == "__attribute__((packed))");
    REQUIRE(s.fields.size() == 6);
    CHECK(s.fields[0].type == "uint32_t");
    CHECK(s.fields[0].name == "events");
    CHECK(s.fields[0].line == 11);
    CHECK(s.fields[2].name == "name");
    CHECK(s.fields[2].array == "[16]");
    CHECK(s.fields[2].type == "char");
    CHECK(s.fields[3].name == "other");
    CHECK(s.fields[3].type == "char");
    CHECK(s.fields[4].type == "void (*)(int)");
    CHECK(s.fields[5].name == "bits");
}

TEST_CASE("nested unions become one field, unterminated structs are skipped", "[cdecl]") {
    auto found = find_structs("struct sigevent {\n int sigev_notify;\n union {\n  int a;\n } u;\n};\nstruct broken {\n int x;\n", 1);
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].fields.size() == 2);
    CHECK(found[0].fields[1].type == "union {...}");
    CHECK(found[0].fields[1].name == "u");
}

TEST_CASE("GNU forward parameter declarations: the part after the last semicolon is the parameter list", "[cdecl][gen6]") {
    auto fn = parse_prototype("ssize_t read(size_t count;\n int fd, void buf[count], size_t count);");
    REQUIRE(fn);
    CHECK(fn->name == "read");
    CHECK(fn->return_type == "ssize_t");
    REQUIRE(fn->params.size() == 3);
    CHECK(fn->params[0].name == "fd");
    CHECK(fn->params[0].type == "int");
    CHECK(fn->params[1].name == "buf");
    CHECK(fn->params[1].type == "void[count]");
    CHECK(fn->params[2].name == "count");
    CHECK(fn->params[2].type == "size_t");
    CHECK(fn->text == "ssize_t read(size_t count; int fd, void buf[count], size_t count);");

    // Several forward declarations, and a VLA with a qualifier inside its brackets.
    auto two = parse_prototype("int f(size_t n, size_t m; const char s[n][m], size_t n, size_t m);");
    REQUIRE(two);
    REQUIRE(two->params.size() == 3);
    CHECK(two->params[0].name == "s");
    CHECK(two->params[0].type == "const char[n][m]");
    auto restrict_vla = parse_prototype("int g(size_t n; int a[restrict n], size_t n);");
    REQUIRE(restrict_vla);
    REQUIRE(restrict_vla->params.size() == 2);
    CHECK(restrict_vla->params[0].name == "a");
}

TEST_CASE("[[deprecated]] and _Nullable/_Nonnull: noted or dropped, never part of a type", "[cdecl][gen6]") {
    auto fn = parse_prototype("[[deprecated]] int sgetmask(void);");
    REQUIRE(fn);
    CHECK(fn->deprecated);
    CHECK(fn->name == "sgetmask");
    CHECK(fn->return_type == "int");
    CHECK(fn->params.empty());
    CHECK(fn->text == "[[deprecated]] int sgetmask(void);");

    auto nullable = parse_prototype("int utimes(const char *path, const struct timeval times[_Nullable 2]);");
    REQUIRE(nullable);
    CHECK_FALSE(nullable->deprecated);
    REQUIRE(nullable->params.size() == 2);
    CHECK(nullable->params[1].name == "times");
    CHECK(nullable->params[1].type == "const struct timeval[2]");

    auto nonnull = parse_prototype("char *_Nonnull getcwd(char buf[_Nullable .size], size_t size);");
    REQUIRE(nonnull);
    CHECK(nonnull->return_type == "char *");
    REQUIRE(nonnull->params.size() == 2);
    CHECK(nonnull->params[0].name == "buf");
}
