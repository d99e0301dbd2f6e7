// Range and identity checks on arch data; the bounds are far beyond any real
// ABI, so only corrupt or hostile files trip them.
#include "arch-data/arch_validate.h"

#include <filesystem>

#include "arch-data/arch_table.h"

namespace manaudit::archdata {

namespace {

constexpr std::int64_t kMaxSyscallNumber = std::int64_t{1} << 32;
constexpr std::int64_t kMaxErrno = 4095;  // the kernel's MAX_ERRNO
constexpr std::uint64_t kMaxStructSize = std::uint64_t{1} << 20;
constexpr std::uint64_t kMaxAlign = 4096;

constexpr int kMaxMessages = 20;

struct Validator {
    const std::string& path;
    Diagnostics& diags;
    bool ok = true;
    int problems = 0;

    void fail(const std::string& message) {
        ok = false;
        if (++problems <= kMaxMessages) diags.push_back({path, 0, 0, Severity::error, message});
    }
    void finish() {
        if (problems > kMaxMessages)
            diags.push_back({path, 0, 0, Severity::error,
                             std::to_string(problems - kMaxMessages) + " more problems with this file not shown"});
    }
};

void check_identity(Validator& v, const Provenance& p) {
    const ArchInfo* arch = find_arch(p.arch_id);
    // A file named after a table arch must hold that arch: evidence is
    // labelled by the file it came from.
    std::string stem = std::filesystem::path(v.path).stem().string();
    if (find_arch(stem) && stem != p.arch_id)
        v.fail("the file is named for " + stem + " but holds the data of '" + p.arch_id + "'");
    if (p.byte_order != "little" && p.byte_order != "big")
        v.fail("byte-order must be little or big, not '" + p.byte_order + "'");
    if (arch && arch->word_bits != p.word_bits)
        v.fail(p.arch_id + " is a " + std::to_string(arch->word_bits) + "-bit ABI, but the file says " +
               std::to_string(p.word_bits));
    if (arch && (p.byte_order == "little" || p.byte_order == "big") && arch->big_endian != (p.byte_order == "big"))
        v.fail(p.arch_id + " is " + (arch->big_endian ? "big" : "little") + "-endian, but the file says " +
               p.byte_order);
}

void check_struct(Validator& v, const StructLayout& st) {
    const std::string what = "struct " + st.name;
    if (st.size > kMaxStructSize) v.fail(what + " has an implausible size " + std::to_string(st.size));
    if (st.align == 0 || st.align > kMaxAlign || (st.align & (st.align - 1)) != 0)
        v.fail(what + " has an alignment that is not a power of two up to " + std::to_string(kMaxAlign) + ": " +
               std::to_string(st.align));
    for (const Field& f : st.fields) {
        // Compared without adding, so that huge values cannot wrap around.
        if (f.offset > st.size || f.size > st.size - f.offset)
            v.fail(what + ": field " + f.name + " (offset " + std::to_string(f.offset) + ", size " +
                   std::to_string(f.size) + ") lies outside the struct's " + std::to_string(st.size) + " bytes");
        if (f.bit_width < -1 || f.bit_width > 64)
            v.fail(what + ": field " + f.name + " has an implausible bit width " + std::to_string(f.bit_width));
    }
}

}  // namespace

bool validate_arch_facts(const ArchFacts& facts, const std::string& path, Diagnostics& diags) {
    Validator v{path, diags};
    check_identity(v, facts.provenance);
    for (const auto& [name, s] : facts.syscalls)
        if (s.number < 0 || s.number >= kMaxSyscallNumber)
            v.fail("syscall " + name + " has an implausible number " + std::to_string(s.number));
    for (const auto& [name, e] : facts.errnos)
        if (e.value < 1 || e.value > kMaxErrno)
            v.fail("errno " + name + " has an implausible value " + std::to_string(e.value));
    for (const auto& [name, st] : facts.structs) check_struct(v, st);
    v.finish();
    return v.ok;
}

}  // namespace manaudit::archdata
