// Kernel sources read as text under one configuration: `#if` groups kept or
// dropped, comments removed, and the arch's Kconfig `select`s as the
// configuration.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace manaudit::kernel {

/// What `#if` conditions see: the symbols that are set, and the kernel's
/// word size (BITS_PER_LONG). Anything else is undefined.
struct SourceConfig {
    std::set<std::string> defined;
    int bits_per_long = 64;
    /// When true, a CONFIG_ symbol neither defined nor in `undefined` holds:
    /// a user's option (CONFIG_SYSVIPC) that some kernels of the arch set.
    bool assume_options = false;
    std::set<std::string> undefined;  ///< never set, even with assume_options
    /// True for a symbol in `defined`, and for the arch word-size symbols
    /// (CONFIG_PPC32, CONFIG_X86_64, CONFIG_SPARC64) that match bits_per_long.
    bool is_set(const std::string& name) const;
};

/// True when the `#if`/`#elif` expression holds under `config`.
bool condition_holds(std::string_view expression, const SourceConfig& config);

/// `text` with comments and preprocessor lines blanked and the lines of
/// groups whose condition fails removed; newlines stay, so offsets keep their
/// line numbers.
std::string active_source(std::string_view text, const SourceConfig& config);

/// The symbols an arch's Kconfig text `select`s for its main entry (the
/// `config` block with the most selects) and for the entry naming this word
/// size's kernel (`config X86_32`), as CONFIG_ names. A `select X if COND`
/// counts when COND is a word-size symbol that holds for `bits` ("64BIT",
/// "X86_32", "!PPC64"); other conditions are left out.
std::set<std::string> kconfig_selects(std::string_view kconfig, int bits);

}  // namespace manaudit::kernel
