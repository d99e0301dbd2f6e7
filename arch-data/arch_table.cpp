// The architecture table's rows. See DESIGN.md for where each comes from.
#include "arch_table.h"

#include <sstream>

namespace manaudit::archdata {

namespace {

// id, debian arch, header triple, clang target, stand-in, word bits, big endian,
// extra clang args, man-pages spelling.
constexpr ArchInfo kArches[] = {
    {"x86_64", "amd64", "x86_64-linux-gnu", "x86_64-linux-gnu", false, 64, false, "", "x86-64"},
    {"i386", "i386", "i686-linux-gnu", "i686-linux-gnu", false, 32, false, "", "i386"},
    // x32: ILP32 on x86-64; syscall numbers carry __X32_SYSCALL_BIT.
    {"x32", "x32", "x86_64-linux-gnux32", "x86_64-linux-gnux32", false, 32, false, "", "x32"},
    {"arm64", "arm64", "aarch64-linux-gnu", "aarch64-linux-gnu", false, 64, false, "", "arm64"},
    // armhf is EABI; OABI numbers are not what user space sees.
    {"arm", "armhf", "arm-linux-gnueabihf", "armv7a-linux-gnueabihf", false, 32, false, "", "ARM"},
    {"riscv64", "riscv64", "riscv64-linux-gnu", "riscv64-linux-gnu", false, 64, false, "", "RISC-V"},
    {"powerpc", "powerpc", "powerpc-linux-gnu", "powerpc-linux-gnu", false, 32, true, "", "PowerPC"},
    {"powerpc64le", "ppc64el", "powerpc64le-linux-gnu", "powerpc64le-linux-gnu", false, 64, false, "", "PowerPC64LE"},
    {"s390x", "s390x", "s390x-linux-gnu", "s390x-linux-gnu", false, 64, true, "", "s390x"},
    // clang defines _MIPS_SIM for the ABI the triple selects.
    {"mips-o32", "mips", "mips-linux-gnu", "mips-linux-gnu", false, 32, true, "", "MIPS o32"},
    {"mips64-n64", "mips64el", "mips64el-linux-gnuabi64", "mips64el-linux-gnuabi64", false, 64, false, "", "MIPS n64"},
    {"sparc64", "sparc64", "sparc64-linux-gnu", "sparcv9-linux-gnu", false, 64, true, "", "SPARC64"},
    // No clang backend: a target of the same word size and byte order stands
    // in, with the arch's own predefined macro so its headers take their path.
    {"alpha", "alpha", "alpha-linux-gnu", "x86_64-linux-gnu", true, 64, false,
     "-U__x86_64__ -U__x86_64 -U__amd64__ -U__amd64 -D__alpha__ -D__alpha", "Alpha"},
    {"parisc", "hppa", "hppa-linux-gnu", "powerpc-linux-gnu", true, 32, true,
     "-U__powerpc__ -U__PPC__ -U_ARCH_PPC -U__powerpc -U__ppc__ -D__hppa__ -D__hppa", "PA-RISC"},
    // clang 14 targets m68k but aligns int, long and pointers to 4; the m68k
    // ABI caps every alignment at 2, which -fpack-struct=2 reproduces except
    // for explicit aligned(8) members, so layouts stay marked approximate.
    // sizeof() inside ioctl numbers needs the 2-byte rule too.
    {"m68k", "m68k", "m68k-linux-gnu", "m68k-linux-gnu", false, 32, true, "-fpack-struct=2", "m68k",
     true},
    {"sh", "sh4", "sh4-linux-gnu", "i686-linux-gnu", true, 32, false,
     "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__sh__ -D__SH4__", "SuperH"},
    // clang 14 has no ARC backend (clang -print-targets).
    {"arc", "arc", "arc-linux-gnu", "i686-linux-gnu", true, 32, false,
     "-U__i386__ -U__i386 -Ui386 -U__i686__ -D__arc__", "ARC"},
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
    {"riscv", "RISC-V|riscv|riscv64|RISCV", "riscv64"},
    {"powerpc", "PowerPC|powerpc|PPC|ppc|ppc64|ppc64le|powerpc64|PowerPC64", "powerpc powerpc64le"},
    {"s390", "s390|s390x|S390|zSeries|System z", "s390x"},
    {"mips", "MIPS|mips|MIPS64|mips64|MIPS o32|o32|n64|n32", "mips-o32 mips64-n64"},
    {"sparc", "SPARC|sparc|sparc64|SPARC64|sparc32|Sparc", "sparc64"},
    {"alpha", "Alpha|alpha|DEC Alpha", "alpha"},
    {"parisc", "PA-RISC|parisc|HP PA-RISC|hppa|HPPA|PA_RISC", "parisc"},
    {"m68k", "m68k|M68K|Motorola 68000|68k", "m68k"},
    {"sh", "SuperH|superh|SH-4|sh4|SH4", "sh"},
    {"arc", "ARC", "arc"},
    // Named by pages, no shipped data.
    {"ia64", "IA-64|ia64|Itanium|IA64", ""},
    {"blackfin", "Blackfin|blackfin|bfin", ""},
    {"xtensa", "Xtensa|xtensa", ""},
    {"microblaze", "MicroBlaze|microblaze|Microblaze", ""},
    {"cris", "CRIS|cris|Cris", ""},
    {"m32r", "M32R|m32r", ""},
    {"mn10300", "mn10300|MN10300", ""},
    {"tile", "TILE-Gx|tilegx|TILEPro", ""},
    {"openrisc", "OpenRISC|openrisc", ""},
    {"nios2", "nios2|Nios II", ""},
    {"hexagon", "Hexagon|hexagon", ""},
    {"loongarch", "LoongArch|loongarch", ""},
    {"avr32", "AVR32|avr32", ""},
    {"h8300", "H8/300|h8300", ""},
    {"csky", "C-SKY|csky", ""},
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

std::span<const ArchName> all_arch_names() { return kArchNames; }

const ArchName* find_arch_name(std::string_view mention_id) {
    for (const auto& n : kArchNames)
        if (n.mention_id == mention_id) return &n;
    return nullptr;
}

std::vector<std::string> abis_of_mention(std::string_view mention_id) {
    std::vector<std::string> out;
    if (const ArchName* n = find_arch_name(mention_id)) {
        std::istringstream in{std::string(n->abis)};
        for (std::string id; in >> id;) out.push_back(id);
    }
    return out;
}

bool is_x86_mention(std::string_view mention_id) {
    return mention_id == "x86" || mention_id == "x86-64" || mention_id == "i386" ||
           mention_id == "x32";
}

}  // namespace manaudit::archdata
