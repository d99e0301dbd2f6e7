// The architecture table's rows. See DESIGN.md for where each comes from.
#include "arch_table.h"

#include <algorithm>
#include <utility>

namespace manaudit::archdata {

namespace {

// One row per ABI. The kernel columns say where `extract --kernel-source`
// finds its facts: the ARCH whose `make headers_install` gives its headers,
// its syscall table, the table's ABI column values that apply, and the
// offset the kernel adds to table numbers (syscallhdr.sh --offset).
// Where clang 14 has no backend, a target of the same word size and byte
// order stands in, with the arch's own predefined macros so its headers take
// their own paths; struct layouts are then marked approximate.
constexpr ArchInfo kArches[] = {
    {.id = "x86_64", .debian_arch = "amd64", .triple = "x86_64-linux-gnu", .clang_target = "x86_64-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = false, .extra_args = "", .display = "x86-64",
     .kernel_arch = "x86", .syscall_table = "arch/x86/entry/syscalls/syscall_64.tbl", .table_abis = "common 64"},
    {.id = "i386", .debian_arch = "i386", .triple = "i686-linux-gnu", .clang_target = "i686-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = false, .extra_args = "", .display = "i386",
     .kernel_arch = "x86", .syscall_table = "arch/x86/entry/syscalls/syscall_32.tbl", .table_abis = "i386"},
    // x32: ILP32 on x86-64; its numbers carry __X32_SYSCALL_BIT.
    {.id = "x32", .debian_arch = "x32", .triple = "x86_64-linux-gnux32", .clang_target = "x86_64-linux-gnux32",
     .stand_in = false, .word_bits = 32, .big_endian = false, .extra_args = "", .display = "x32",
     .kernel_arch = "x86", .syscall_table = "arch/x86/entry/syscalls/syscall_64.tbl", .table_abis = "common x32",
     .number_offset = 0x40000000, .kernel_word_bits = 64},
    {.id = "arm64", .debian_arch = "arm64", .triple = "aarch64-linux-gnu", .clang_target = "aarch64-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = false, .extra_args = "", .display = "arm64",
     .kernel_arch = "arm64"},
    // armhf is EABI; OABI numbers are not what user space sees.
    {.id = "arm", .debian_arch = "armhf", .triple = "arm-linux-gnueabihf", .clang_target = "armv7a-linux-gnueabihf",
     .stand_in = false, .word_bits = 32, .big_endian = false, .extra_args = "", .display = "ARM",
     .kernel_arch = "arm", .syscall_table = "arch/arm/tools/syscall.tbl", .table_abis = "common eabi"},
    {.id = "riscv64", .debian_arch = "riscv64", .triple = "riscv64-linux-gnu", .clang_target = "riscv64-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = false, .extra_args = "", .display = "RISC-V",
     .kernel_arch = "riscv"},
    {.id = "riscv32", .debian_arch = "", .triple = "riscv32-linux-gnu", .clang_target = "riscv32-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = false, .extra_args = "", .display = "RV32",
     .kernel_arch = "riscv"},
    {.id = "powerpc", .debian_arch = "powerpc", .triple = "powerpc-linux-gnu", .clang_target = "powerpc-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = true, .extra_args = "", .display = "PowerPC",
     .kernel_arch = "powerpc", .syscall_table = "arch/powerpc/kernel/syscalls/syscall.tbl",
     .table_abis = "common 32 nospu"},
    {.id = "powerpc64", .debian_arch = "ppc64", .triple = "powerpc64-linux-gnu", .clang_target = "powerpc64-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = true, .extra_args = "", .display = "PowerPC64",
     .kernel_arch = "powerpc", .syscall_table = "arch/powerpc/kernel/syscalls/syscall.tbl",
     .table_abis = "common 64 nospu"},
    {.id = "powerpc64le", .debian_arch = "ppc64el", .triple = "powerpc64le-linux-gnu",
     .clang_target = "powerpc64le-linux-gnu", .stand_in = false, .word_bits = 64, .big_endian = false,
     .extra_args = "", .display = "PowerPC64LE", .kernel_arch = "powerpc",
     .syscall_table = "arch/powerpc/kernel/syscalls/syscall.tbl", .table_abis = "common 64 nospu"},
    {.id = "s390x", .debian_arch = "s390x", .triple = "s390x-linux-gnu", .clang_target = "s390x-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = true, .extra_args = "", .display = "s390x",
     .kernel_arch = "s390", .syscall_table = "arch/s390/kernel/syscalls/syscall.tbl", .table_abis = "common 64"},
    // clang defines _MIPS_SIM for the ABI the triple selects.
    {.id = "mips-o32", .debian_arch = "mips", .triple = "mips-linux-gnu", .clang_target = "mips-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = true, .extra_args = "", .display = "MIPS o32",
     .kernel_arch = "mips", .syscall_table = "arch/mips/kernel/syscalls/syscall_o32.tbl", .table_abis = "o32",
     .number_offset = 4000},
    {.id = "mips64-n32", .debian_arch = "mipsn32", .triple = "mips64-linux-gnuabin32",
     .clang_target = "mips64-linux-gnuabin32", .stand_in = false, .word_bits = 32, .big_endian = true,
     .extra_args = "", .display = "MIPS n32", .kernel_arch = "mips",
     .syscall_table = "arch/mips/kernel/syscalls/syscall_n32.tbl", .table_abis = "n32", .number_offset = 6000,
     .kernel_word_bits = 64},
    {.id = "mips64-n64", .debian_arch = "mips64el", .triple = "mips64el-linux-gnuabi64",
     .clang_target = "mips64el-linux-gnuabi64", .stand_in = false, .word_bits = 64, .big_endian = false,
     .extra_args = "", .display = "MIPS n64", .kernel_arch = "mips",
     .syscall_table = "arch/mips/kernel/syscalls/syscall_n64.tbl", .table_abis = "n64", .number_offset = 5000},
    {.id = "sparc64", .debian_arch = "sparc64", .triple = "sparc64-linux-gnu", .clang_target = "sparcv9-linux-gnu",
     .stand_in = false, .word_bits = 64, .big_endian = true, .extra_args = "", .display = "SPARC64",
     .kernel_arch = "sparc", .syscall_table = "arch/sparc/kernel/syscalls/syscall.tbl", .table_abis = "common 64"},
    {.id = "sparc32", .debian_arch = "", .triple = "sparc-linux-gnu", .clang_target = "sparc-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = true, .extra_args = "", .display = "SPARC32",
     .kernel_arch = "sparc", .syscall_table = "arch/sparc/kernel/syscalls/syscall.tbl", .table_abis = "common 32"},
    {.id = "alpha", .debian_arch = "alpha", .triple = "alpha-linux-gnu", .clang_target = "x86_64-linux-gnu",
     .stand_in = true, .word_bits = 64, .big_endian = false,
     .extra_args = "-U__x86_64__ -U__x86_64 -U__amd64__ -U__amd64 -D__alpha__ -D__alpha", .display = "Alpha",
     .kernel_arch = "alpha", .syscall_table = "arch/alpha/kernel/syscalls/syscall.tbl", .table_abis = "common"},
    {.id = "parisc", .debian_arch = "hppa", .triple = "hppa-linux-gnu", .clang_target = "powerpc-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = true,
     .extra_args = "-U__powerpc__ -U__PPC__ -U_ARCH_PPC -U__powerpc -U__ppc__ -D__hppa__ -D__hppa",
     .display = "PA-RISC", .kernel_arch = "parisc", .syscall_table = "arch/parisc/kernel/syscalls/syscall.tbl",
     .table_abis = "common 32"},
    // clang 14 targets m68k but aligns int, long and pointers to 4; the m68k
    // ABI caps every alignment at 2, which -fpack-struct=2 reproduces except
    // for explicit aligned(8) members, so layouts stay marked approximate.
    // sizeof() inside ioctl numbers needs the 2-byte rule too.
    {.id = "m68k", .debian_arch = "m68k", .triple = "m68k-linux-gnu", .clang_target = "m68k-linux-gnu",
     .stand_in = false, .word_bits = 32, .big_endian = true, .extra_args = "-fpack-struct=2", .display = "m68k",
     .approximate_layouts = true, .kernel_arch = "m68k", .syscall_table = "arch/m68k/kernel/syscalls/syscall.tbl",
     .table_abis = "common"},
    {.id = "sh", .debian_arch = "sh4", .triple = "sh4-linux-gnu", .clang_target = "i686-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = false,
     .extra_args = "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__sh__ -D__SH4__", .display = "SuperH",
     .kernel_arch = "sh", .syscall_table = "arch/sh/kernel/syscalls/syscall.tbl", .table_abis = "common"},
    {.id = "arc", .debian_arch = "arc", .triple = "arc-linux-gnu", .clang_target = "i686-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = false,
     .extra_args = "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__arc__", .display = "ARC", .kernel_arch = "arc"},
    {.id = "loongarch64", .debian_arch = "loong64", .triple = "loongarch64-linux-gnu",
     .clang_target = "riscv64-linux-gnu", .stand_in = true, .word_bits = 64, .big_endian = false,
     .extra_args = "-U__riscv -U__riscv_xlen -D__loongarch__ -D__loongarch64 -D__loongarch_grlen=64",
     .display = "LoongArch", .kernel_arch = "loongarch"},
    {.id = "csky", .debian_arch = "", .triple = "csky-linux-gnuabiv2", .clang_target = "i686-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = false,
     .extra_args = "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__csky__ -D__CSKYABIV2__", .display = "C-SKY",
     .kernel_arch = "csky"},
    {.id = "openrisc", .debian_arch = "", .triple = "or1k-linux-gnu", .clang_target = "powerpc-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = true,
     .extra_args = "-U__powerpc__ -U__PPC__ -U_ARCH_PPC -U__powerpc -U__ppc__ -D__or1k__ -D__OR1K__",
     .display = "OpenRISC", .kernel_arch = "openrisc"},
    {.id = "nios2", .debian_arch = "", .triple = "nios2-linux-gnu", .clang_target = "i686-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = false,
     .extra_args = "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__nios2__ -D__nios2", .display = "Nios II",
     .kernel_arch = "nios2"},
    {.id = "hexagon", .debian_arch = "", .triple = "hexagon-linux-musl", .clang_target = "hexagon-unknown-linux-musl",
     .stand_in = false, .word_bits = 32, .big_endian = false, .extra_args = "", .display = "Hexagon",
     .kernel_arch = "hexagon"},
    // Xtensa's byte order is a core option; little-endian cores are the common ones.
    {.id = "xtensa", .debian_arch = "", .triple = "xtensa-linux-gnu", .clang_target = "i686-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = false,
     .extra_args = "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__xtensa__ -D__XTENSA__ -D__XTENSA_EL__",
     .display = "Xtensa", .kernel_arch = "xtensa", .syscall_table = "arch/xtensa/kernel/syscalls/syscall.tbl",
     .table_abis = "common"},
    // MicroBlaze is big-endian unless built little (__MICROBLAZEEL__).
    {.id = "microblaze", .debian_arch = "", .triple = "microblaze-linux-gnu", .clang_target = "powerpc-linux-gnu",
     .stand_in = true, .word_bits = 32, .big_endian = true,
     .extra_args = "-U__powerpc__ -U__PPC__ -U_ARCH_PPC -U__powerpc -U__ppc__ -D__microblaze__ -D__MICROBLAZE__",
     .display = "MicroBlaze", .kernel_arch = "microblaze",
     .syscall_table = "arch/microblaze/kernel/syscalls/syscall.tbl", .table_abis = "common"},
    {.id = "parisc64", .debian_arch = "", .triple = "hppa64-linux-gnu", .clang_target = "powerpc64-linux-gnu",
     .stand_in = true, .word_bits = 64, .big_endian = true,
     .extra_args = "-U__powerpc__ -U__PPC__ -U_ARCH_PPC -U__powerpc -U__ppc__ -U__powerpc64__ -U__PPC64__ "
                   "-U_ARCH_PPC64 -U__ppc64__ -D__hppa__ -D__hppa -D__LP64__",
     .display = "PA-RISC 64", .kernel_arch = "parisc", .syscall_table = "arch/parisc/kernel/syscalls/syscall.tbl",
     .table_abis = "common 64"},
    // Removed from the kernel in 6.7; Linux 6.1 still has it.
    {.id = "ia64", .debian_arch = "ia64", .triple = "ia64-linux-gnu", .clang_target = "x86_64-linux-gnu",
     .stand_in = true, .word_bits = 64, .big_endian = false,
     .extra_args = "-U__x86_64__ -U__x86_64 -U__amd64__ -U__amd64 -D__ia64__ -D__ia64",
     .display = "IA-64", .kernel_arch = "ia64", .syscall_table = "arch/ia64/kernel/syscalls/syscall.tbl",
     .table_abis = "common", .number_offset = 1024},
};

// Names users type for ABIs, beyond the table ids and Debian arch names.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"amd64", "x86_64"}, {"x86-64", "x86_64"}, {"aarch64", "arm64"}, {"armhf", "arm"}, {"armel", "arm"},
    {"loong64", "loongarch64"}, {"loongarch", "loongarch64"}, {"ppc64el", "powerpc64le"},
    {"ppc64le", "powerpc64le"}, {"ppc64", "powerpc64"}, {"ppc", "powerpc"}, {"mips", "mips-o32"},
    {"mipsn32", "mips64-n32"}, {"mips64el", "mips64-n64"}, {"mips64", "mips64-n64"}, {"hppa", "parisc"},
    {"sh4", "sh"}, {"i686", "i386"}, {"i486", "i386"}, {"i586", "i386"}, {"ia32", "i386"},
    {"x64", "x86_64"}, {"armv7", "arm"}, {"armv7l", "arm"}, {"riscv", "riscv64"}, {"sparc", "sparc32"},
    {"or1k", "openrisc"}, {"mips-n32", "mips64-n32"},
};

// How pages name architectures. Spellings are whole words, case-sensitive
// except where both cases are listed. Order: longer spellings first where
// one is a prefix of another ("x86-64" before "x86").
constexpr ArchName kArchNames[] = {
    {"x86-64", "x86-64|x86_64|x86 64|AMD64|amd64|x64", "x86_64"},
    {"x32", "x32", "x32"},
    {"i386", "i386|i486|i586|i686|IA-32|IA32|ia32", "i386"},
    {"x86", "x86|Intel x86|X86", "x86_64 i386 x32"},
    {"arm64", "arm64|ARM64|AArch64|aarch64", "arm64"},
    {"arm", "ARM|arm|ARM EABI|EABI|OABI|armel|armhf", "arm"},
    {"riscv", "RISC-V|riscv|riscv64|RISCV|riscv32|RV32|RV64", "riscv64 riscv32"},
    {"powerpc", "PowerPC|powerpc|PPC|ppc|ppc64|ppc64le|powerpc64|PowerPC64", "powerpc powerpc64 powerpc64le"},
    {"s390", "s390|s390x|S390|zSeries|System z", "s390x"},
    {"mips", "MIPS|mips|MIPS64|mips64|MIPS o32|o32|n64|n32", "mips-o32 mips64-n32 mips64-n64"},
    {"sparc", "SPARC|sparc|sparc64|SPARC64|sparc32|Sparc", "sparc64 sparc32"},
    {"alpha", "Alpha|alpha|DEC Alpha", "alpha"},
    {"parisc", "PA-RISC|parisc|HP PA-RISC|hppa|HPPA|PA_RISC", "parisc parisc64"},
    {"m68k", "m68k|M68K|Motorola 68000|68k", "m68k"},
    {"sh", "SuperH|superh|SH-4|sh4|SH4", "sh"},
    {"arc", "ARC", "arc"},
    {"ia64", "IA-64|ia64|Itanium|IA64", "ia64"},
    {"blackfin", "Blackfin|blackfin|bfin", ""},
    {"xtensa", "Xtensa|xtensa", "xtensa"},
    {"microblaze", "MicroBlaze|microblaze|Microblaze", "microblaze"},
    {"cris", "CRIS|cris|Cris", ""},
    {"m32r", "M32R|m32r", ""},
    {"mn10300", "mn10300|MN10300", ""},
    {"tile", "TILE-Gx|tilegx|TILEPro", ""},
    {"openrisc", "OpenRISC|openrisc|or1k", "openrisc"},
    {"nios2", "nios2|Nios II", "nios2"},
    {"hexagon", "Hexagon|hexagon", "hexagon"},
    {"loongarch", "LoongArch|loongarch|loongarch64", "loongarch64"},
    {"avr32", "AVR32|avr32", ""},
    {"h8300", "H8/300|h8300", ""},
    {"csky", "C-SKY|csky", "csky"},
    {"unicore32", "unicore32|UniCore32", ""},
    {"c6x", "C6X|c6x", ""},
};

}  // namespace

std::span<const ArchInfo> all_arches() { return kArches; }

const ArchInfo* find_arch(std::string_view id) {
    for (const auto& a : kArches)
        if (a.id == id) return &a;
    return nullptr;
}

const ArchInfo* find_arch_alias(std::string_view name) {
    if (const ArchInfo* a = find_arch(name)) return a;
    for (const auto& [alias, id] : kAliases)
        if (alias == name) return find_arch(id);
    for (const auto& a : kArches)
        if (!a.debian_arch.empty() && a.debian_arch == name) return &a;
    for (const auto& a : kArches)
        if (a.triple.substr(0, a.triple.find('-')) == name) return &a;
    return nullptr;
}

std::span<const ArchName> all_arch_names() { return kArchNames; }

const ArchName* find_arch_name(std::string_view mention_id) {
    for (const auto& n : kArchNames)
        if (n.mention_id == mention_id) return &n;
    return nullptr;
}

std::vector<std::string> abis_of_mention(std::string_view mention_id) {
    std::vector<std::string> out;
    const ArchName* n = find_arch_name(mention_id);
    if (!n) return out;
    // The table's ABI list is space-separated ids.
    std::string_view abis = n->abis;
    while (!abis.empty()) {
        const std::size_t start = abis.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(abis.find(' ', start), abis.size());
        out.emplace_back(abis.substr(start, end - start));
        abis.remove_prefix(end);
    }
    return out;
}

bool is_x86_mention(std::string_view mention_id) {
    return mention_id == "x86" || mention_id == "x86-64" || mention_id == "i386" ||
           mention_id == "x32";
}

}  // namespace manaudit::archdata
