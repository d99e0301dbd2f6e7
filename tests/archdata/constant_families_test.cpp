// Which macro names become syscalls, errnos and constants.
#include <catch2/catch.hpp>

#include "parsers/headers/constant_families.h"

using manaudit::headers::classify_macro;
using manaudit::headers::MacroKind;

TEST_CASE("syscall macros and their pseudo names", "[families]") {
    CHECK(classify_macro("__NR_openat", "asm/unistd_64.h") == MacroKind::syscall);
    CHECK(classify_macro("__ARM_NR_set_tls", "asm/unistd.h") == MacroKind::arch_private_syscall);
    CHECK_FALSE(classify_macro("__NR_syscalls", "asm-generic/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_arch_specific_syscall", "asm-generic/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_SYSCALL_BASE", "asm/unistd.h"));
    CHECK_FALSE(classify_macro("__ARM_NR_BASE", "asm/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_Linux", "asm/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_O32_Linux", "asm/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_Linux_syscalls", "asm/unistd.h"));
    CHECK_FALSE(classify_macro("__NR_unused109", "asm/unistd_32.h"));
    CHECK_FALSE(classify_macro("__NR_reserved177", "asm/unistd_32.h"));
    CHECK_FALSE(classify_macro("__NR3264_fstat", "asm-generic/unistd.h"));
    // A real syscall whose name merely starts like a pseudo one.
    CHECK(classify_macro("__NR_unused_syscall_x", "asm/unistd.h") == MacroKind::syscall);
    CHECK(manaudit::headers::syscall_name("__ARM_NR_cacheflush") == "cacheflush");
}

TEST_CASE("errnos come from errno headers only", "[families]") {
    CHECK(classify_macro("EAGAIN", "asm-generic/errno-base.h") == MacroKind::errno_value);
    CHECK(classify_macro("EDEADLK", "asm/errno.h") == MacroKind::errno_value);
    CHECK_FALSE(classify_macro("ECHO", "asm/termbits.h"));
    CHECK(classify_macro("EPOLLIN", "linux/eventpoll.h") == MacroKind::constant);
}

TEST_CASE("constant families", "[families]") {
    for (const char* name : {"O_DIRECT", "MAP_ANONYMOUS", "TCGETS", "TIOCGWINSZ", "SIGRTMIN", "SA_RESTART",
                             "CLONE_VM", "PR_SET_NAME", "FUTEX_WAIT", "RLIMIT_NOFILE", "SO_REUSEADDR", "MS_RDONLY"})
        CHECK(classify_macro(name, "asm/x.h") == MacroKind::constant);
    CHECK_FALSE(classify_macro("HZ", "asm/param.h"));
    CHECK_FALSE(classify_macro("_IOC_NRBITS", "asm-generic/ioctl.h"));
}
