// LibcFacts: what one ABI's C library headers declare, as the compiler sees them.
// Kept apart from ArchFacts: these follow a C library release, not a kernel.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/name_index.h"

namespace manaudit::archdata {

struct LibcProvenance {
    std::string arch_id;          ///< "x86_64"
    std::string libc;             ///< "glibc"
    std::string libc_version;     ///< "2.36"
    std::string package;          ///< "libc6-dev-arm64-cross"
    std::string package_version;  ///< "2.36-8cross1"
    std::string command;          ///< the manaudit command that made the file
    std::string clang_target;
    std::string clang_args;       ///< extra clang arguments (a stand-in's -U/-D)
    bool stand_in = false;
    std::string sysroot;          ///< the include dirs read, space-separated
    std::string defines;          ///< feature-test macros of the probe: "_GNU_SOURCE"
};

/// One parameter type: canonical as the compiler resolves it for the target
/// ("unsigned long"), and as the header spells it ("size_t").
struct LibcType {
    std::string canonical;
    std::string spelled;
    /// For a transparent union (glibc's __SOCKADDR_ARG), the canonical types
    /// of its members: an argument of any of them is accepted.
    std::vector<std::string> alternatives = {};
};

struct LibcFunction {
    std::string name;
    LibcType result;
    std::vector<LibcType> params;  ///< `...` is not a parameter; see `variadic`
    bool variadic = false;
    std::string header;  ///< "fcntl.h"
    int line = 0;
};

struct LibcFacts {
    LibcProvenance provenance;
    FactTable<LibcFunction> functions;  ///< by name
    std::map<std::string, bool> headers;             ///< SYNOPSIS header -> exists for this ABI
    std::map<std::string, std::string> typedefs;     ///< typedef name -> canonical type
    FactTable<Constant> constants;       ///< documented constants the C library defines
    /// Where programs built with _FILE_OFFSET_BITS=64 see other types (off_t
    /// on 32-bit ABIs): only the typedefs and declarations that differ.
    std::map<std::string, std::string> typedefs_file_offset_64;
    FactTable<LibcFunction> functions_file_offset_64;

    const LibcFunction* function(const std::string& name) const;
    /// As a program sees it with _FILE_OFFSET_BITS=64 when `file_offset_64`.
    const LibcFunction* function(const std::string& name, bool file_offset_64) const;
    const std::string* typedef_canonical(const std::string& name, bool file_offset_64) const;
    /// "long (int, long, int) variadic": the canonical types, for comparing declarations.
    static std::string signature(const LibcFunction& function);
    /// Whether the header exists for this ABI; nullopt when it was not looked for.
    std::optional<bool> has_header(const std::string& header) const;
    const Constant* constant(const std::string& name) const;
    /// The canonical type of a typedef name; null when the headers have no such typedef.
    const std::string* typedef_canonical(const std::string& name) const;

    /// Hash indexes the lookups above use, once the tables are complete
    /// (the readers call it); lookups are right without them, only slower.
    void index_tables();

private:
    NameIndex<std::string> typedef_index_;
};

/// What pages document, and so what the C-library facts record.
struct LibcWanted {
    std::set<std::string> functions;  ///< "open", "fcntl"
    std::set<std::string> headers;    ///< SYNOPSIS includes: "fcntl.h", "sys/io.h"
    std::set<std::string> typedefs;   ///< names in documented prototypes: "size_t", "pid_t"
    std::set<std::string> constants;  ///< "O_DIRECT"
};

}  // namespace manaudit::archdata
