// Kernel entry-point signatures read as text: `#if` groups under an arch's
// configuration, Kconfig selects, declarations and SYSCALL_DEFINEn.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/kernel/entry_signatures.h"
#include "parsers/kernel/source_conditions.h"

using namespace manaudit;

TEST_CASE("#if conditions under a configuration", "[kernel][signatures]") {
    kernel::SourceConfig config;
    config.defined = {"CONFIG_CLONE_BACKWARDS"};
    config.bits_per_long = 32;
    CHECK(kernel::condition_holds("defined(CONFIG_CLONE_BACKWARDS)", config));
    CHECK(kernel::condition_holds("BITS_PER_LONG == 32", config));
    CHECK_FALSE(kernel::condition_holds("BITS_PER_LONG == 64", config));
    CHECK(kernel::condition_holds("!defined(CONFIG_COMPAT) && (defined CONFIG_CLONE_BACKWARDS)", config));
    CHECK(kernel::condition_holds("defined(__ARCH_WANT_X) || IS_ENABLED(CONFIG_CLONE_BACKWARDS)", config));
    CHECK_FALSE(kernel::condition_holds("CONFIG_UNKNOWN", config));
}

TEST_CASE("active source keeps the taken branch and every line's place", "[kernel][signatures]") {
    kernel::SourceConfig config;
    config.defined = {"CONFIG_A"};
    const std::string text = "#ifdef CONFIG_A\nkept_a();\n#else\ndropped();\n#endif\n"
                             "#if 0 /* no */\nnever();\n#elif defined(CONFIG_A)\nkept_elif(); // tail\n#endif\n";
    const std::string active = kernel::active_source(text, config);
    CHECK(std::count(active.begin(), active.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
    CHECK(active.find("kept_a") != std::string::npos);
    CHECK(active.find("kept_elif") != std::string::npos);
    CHECK(active.find("dropped") == std::string::npos);
    CHECK(active.find("never") == std::string::npos);
    CHECK(active.find("tail") == std::string::npos);
}

TEST_CASE("Kconfig selects of the arch's main entry, word-size conditions judged", "[kernel][signatures]") {
    const std::string kconfig = "config PPC32\n\tdef_bool y\n\tselect ONLY_HERE\n"
                                "config PPC\n\tbool\n\tselect CLONE_BACKWARDS\n"
                                "\tselect ARCH_SPLIT_ARG64\t\tif PPC32\n\tselect WIDE\tif !PPC32\n"
                                "\tselect BOTH if PPC32 && SMP\n"
                                "config COMPAT\n\tselect HAVE_UID16\n";
    auto selects32 = kernel::kconfig_selects(kconfig, 32);
    CHECK(selects32 ==
          std::set<std::string>{"CONFIG_CLONE_BACKWARDS", "CONFIG_ARCH_SPLIT_ARG64", "CONFIG_ONLY_HERE"});
    auto selects64 = kernel::kconfig_selects(kconfig, 64);
    CHECK(selects64 == std::set<std::string>{"CONFIG_CLONE_BACKWARDS", "CONFIG_WIDE"});
}

TEST_CASE("declarations, definitions and SYSCALL_DEFINEn, not calls", "[kernel][signatures]") {
    const std::string code = "asmlinkage long sys_arm_advise(int fd, int advice,\n loff_t offset, loff_t len);\n"
                             "long sys_other(unsigned int, char __user *);\n"
                             "static long helper(void) { return sys_other(1, NULL); }\n"
                             "SYSCALL_DEFINE4(frob, int, fd, const char __user *, name, u32, len_high,\n"
                             "\t\tu32, len_low)\n{\n\tx = sys_arm_advise(1, 2, 3, 4);\n}\n"
                             "SYSCALL_DEFINE0(nothing)\n{\n}\n"
                             "asmlinkage long sys_macro_args(int fd, SC_ARG64(offset), unsigned int flags);\n"
                             "SYSCALL_DEFINE4(macro_define, int, fd, SC_ARG64(offset), unsigned int, flags)\n{\n}\n";
    std::map<std::string, archdata::EntrySignature> found;
    std::set<std::string> defined;
    const kernel::NameSet wanted = {"sys_arm_advise", "sys_other", "sys_frob", "sys_nothing", "sys_macro_args",
                                     "sys_macro_define"};
    kernel::find_signatures(code, "arch/x/kernel/sys.c", wanted, found, defined);
    REQUIRE(found.count("sys_arm_advise"));
    CHECK(archdata::kernel_params_text(found["sys_arm_advise"].params) ==
          "int fd, int advice, loff_t offset, loff_t len");
    CHECK(found["sys_arm_advise"].source == "arch/x/kernel/sys.c");
    REQUIRE(found.count("sys_other"));
    CHECK(found["sys_other"].params.size() == 2);
    CHECK(found["sys_other"].params[0].name.empty());
    CHECK(found["sys_other"].params[1].type == "char *");
    REQUIRE(found.count("sys_frob"));
    CHECK(archdata::kernel_params_text(found["sys_frob"].params) ==
          "int fd, const char *name, u32 len_high, u32 len_low");
    REQUIRE(found.count("sys_nothing"));
    CHECK(found["sys_nothing"].params.empty());
    // A macro standing for parameters cannot be read as text: left out.
    CHECK_FALSE(found.count("sys_macro_args"));
    CHECK_FALSE(found.count("sys_macro_define"));
    CHECK(defined.count("sys_frob"));
    CHECK_FALSE(defined.count("sys_other"));
}

TEST_CASE("a parameter list's text reads back the same", "[kernel][signatures]") {
    for (const char* text : {"int fd, loff_t offset", "unsigned long, unsigned long, int *, int *, unsigned long",
                             "const char *filename, struct stat *statbuf", "struct iocb **", "aio_context_t ctx",
                             "const key_serial_t", "unsigned int"}) {
        INFO(text);
        CHECK(archdata::kernel_params_text(archdata::parse_kernel_params(text)) == text);
    }
    CHECK(archdata::parse_kernel_params("void").empty());
    CHECK(archdata::parse_kernel_params("unsigned long")[0].name.empty());
    CHECK(archdata::parse_kernel_params("struct stat")[0].name.empty());
    CHECK(archdata::parse_kernel_params("const char *path")[0].name == "path");
}

TEST_CASE("an arch's word-size symbols follow the kernel's word size", "[kernel][signatures]") {
    kernel::SourceConfig config;
    config.bits_per_long = 32;
    CHECK(config.is_set("CONFIG_PPC32"));
    CHECK(config.is_set("CONFIG_X86_32"));
    CHECK_FALSE(config.is_set("CONFIG_PPC64"));
    CHECK_FALSE(config.is_set("CONFIG_PPC_BOOK3S_32"));
    CHECK_FALSE(config.is_set("CONFIG_MIPS32_O32"));
    config.bits_per_long = 64;
    CHECK(config.is_set("CONFIG_SPARC64"));
    CHECK_FALSE(config.is_set("CONFIG_SPARC32"));
}

TEST_CASE("with assume_options a user's option holds, but not what is ruled out", "[kernel][signatures]") {
    kernel::SourceConfig config;
    config.bits_per_long = 64;
    config.defined = {"CONFIG_64BIT"};
    config.undefined = {"CONFIG_ARCH_HAS_SYSCALL_WRAPPER"};
    CHECK_FALSE(config.is_set("CONFIG_SYSVIPC"));
    config.assume_options = true;
    CHECK(config.is_set("CONFIG_SYSVIPC"));
    CHECK_FALSE(config.is_set("CONFIG_ARCH_HAS_SYSCALL_WRAPPER"));
    CHECK_FALSE(config.is_set("CONFIG_32BIT"));
    CHECK_FALSE(config.is_set("CONFIG_PPC32"));
    CHECK_FALSE(config.is_set("__ARCH_WANT_NOTHING"));
}
