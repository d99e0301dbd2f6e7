// The fact pack: parsed arch and C-library facts in a compact binary form.
//
// Reading the shipped XML (about 10 MB for 46 files) costs more than auditing
// a whole release, so the build parses it once and links the result into the
// program (arch-data/pack/). A file is taken from the pack only when its bytes
// are the ones packed, by size and fingerprint, and its name is the one
// packed: data regenerated or edited since the build, or given from
// elsewhere, is read and checked as XML as always.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"

namespace manaudit::archdata {

/// A fast 64-bit fingerprint of a file's bytes (not cryptographic).
std::uint64_t content_fingerprint(std::string_view bytes);

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

/// How many files the installed pack holds (0 when none is installed).
std::size_t installed_pack_files();

}  // namespace manaudit::archdata
