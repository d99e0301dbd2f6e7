// The fact pack: parsed arch and C-library facts in a compact binary form.
//
// Reading the shipped XML (about 10 MB for 46 files) costs more than auditing
// a whole release, so the build parses it once and links the result into the
// program (arch-data/pack/). A file is taken from the pack only when its bytes
// are the ones packed, by size and fingerprint, and its name is the one
// packed: data regenerated or edited since the build, or given from
// elsewhere, is read and checked as XML as always.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"

namespace manaudit::archdata {

/// A fast 64-bit fingerprint of a file's bytes (not cryptographic).
std::uint64_t content_fingerprint(std::string_view bytes);

/// content_fingerprint of `size` bytes given a piece at a time, so that a
/// file is fingerprinted as it is read.
class ContentFingerprint {
public:
    explicit ContentFingerprint(std::uint64_t size);
    void add(std::string_view bytes);
    /// The fingerprint, once `size` bytes in all were added.
    std::uint64_t result() const;

private:
    static constexpr std::size_t kBlock = 32;
    void add_blocks(const char* bytes, std::size_t blocks);
    std::uint64_t lanes_[4];
    char pending_[kBlock] = {};  ///< a block's first bytes, until the rest comes
    std::size_t pending_size_ = 0;
};

/// Builds a pack, one file at a time.
class FactPackWriter {
public:
    /// `file_name` is the file's own name ("x86_64.xml"), `xml` its bytes.
    void add(std::string_view file_name, std::string_view xml, const ArchFacts& facts);
    void add(std::string_view file_name, std::string_view xml, const LibcFacts& facts);
    std::string bytes() const;

private:
    std::string entries_;
    std::uint64_t count_ = 0;
};

/// Makes `bytes` (a pack that lives as long as the program) the one looked
/// up below, replacing any installed before; bytes that are not a
/// well-formed pack install none. Call it before readers start. Facts read
/// from the pack look their entries up in these bytes: they must outlive
/// those facts.
void install_fact_pack(std::string_view bytes);

/// The facts packed for a file named `file_name` holding exactly `xml`;
/// nullopt when the installed pack (if any) has no such file.
std::optional<ArchFacts> packed_arch_facts(std::string_view file_name, std::string_view xml);
std::optional<LibcFacts> packed_libc_facts(std::string_view file_name, std::string_view xml);

/// The same for the file at `path`, read and fingerprinted a piece at a time
/// (never whole); nullopt also when it cannot be read.
std::optional<ArchFacts> packed_arch_facts_of_file(const std::string& path);
std::optional<LibcFacts> packed_libc_facts_of_file(const std::string& path);

/// How many files the installed pack holds (0 when none is installed).
std::size_t installed_pack_files();

}  // namespace manaudit::archdata
