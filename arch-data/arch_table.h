// The architecture table: one row per ABI, one row per way pages name arches.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::archdata {

/// One ABI manaudit has facts for. Adding an ABI is adding one row.
struct ArchInfo {
    std::string_view id;            ///< "x86_64", "mips-o32"
    std::string_view debian_arch;   ///< "amd64"; empty when Debian has no port
    std::string_view triple;        ///< header dir: /usr/<triple>/include
    std::string_view clang_target;  ///< target triple for clang
    bool stand_in;                  ///< clang has no backend; clang_target is a stand-in
    int word_bits;
    bool big_endian;
    std::string_view extra_args;    ///< space-separated extra clang args (-D...)
    std::string_view display;       ///< as man-pages spells it: "x86-64", "AArch64"
    /// Struct layouts are not the arch's own ABI even though clang targets it
    /// (clang 14's m68k aligns int to 4, the m68k ABI to 2).
    bool approximate_layouts = false;

    // Where the kernel source keeps this ABI's facts.
    std::string_view kernel_arch = {};  ///< ARCH= for `make headers_install`: "x86", "mips"
    /// The syscall table, relative to the source tree; empty for the
    /// asm-generic ABIs, whose table the tree itself names (see kernel_tree).
    std::string_view syscall_table = {};
    std::string_view table_abis = {};  ///< ABI column values that belong to this ABI: "common 64"
    std::int64_t number_offset = 0; ///< added to table numbers: 4000 for MIPS o32
    /// The kernel's word size where it is not the ABI's (x32 and n32 run on a
    /// 64-bit kernel); 0 means word_bits.
    int kernel_word_bits = 0;
};

/// All ABIs, in table order (the order of every per-arch output).
std::span<const ArchInfo> all_arches();
const ArchInfo* find_arch(std::string_view id);

/// An ABI id as users type it: the table id, a Debian architecture name
/// (amd64, ppc64el, armhf), a GNU triple's CPU (aarch64, loongarch64), or a
/// common alias (loong64). Null when nothing matches.
const ArchInfo* find_arch_alias(std::string_view name);

/// A way man pages name an architecture (or a family of them).
struct ArchName {
    std::string_view mention_id;  ///< canonical: "x86", "x86-64", "mips", "ia64"
    std::string_view spellings;   ///< '|'-separated, matched as whole words: "x86-64|x86_64|AMD64"
    std::string_view abis;        ///< space-separated ABI ids it covers (may be empty: blackfin)
};

std::span<const ArchName> all_arch_names();
const ArchName* find_arch_name(std::string_view mention_id);
/// The ABI ids a mention covers.
std::vector<std::string> abis_of_mention(std::string_view mention_id);
/// True for mention ids that mean an x86 ABI (x86, x86-64, i386, x32).
bool is_x86_mention(std::string_view mention_id);

}  // namespace manaudit::archdata
