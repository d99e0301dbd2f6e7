// ArchFacts: what one architecture's headers define, as the compiler sees them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace manaudit::archdata {

struct Provenance {
    std::string arch_id;          ///< "x86_64"
    std::string kernel_version;   ///< "6.1"
    std::string package;          ///< "linux-libc-dev-arm64-cross"
    std::string package_version;  ///< "6.1.4-1cross1"
    std::string command;          ///< the manaudit command that made the file
    std::string clang_target;     ///< the target the headers were evaluated for
    std::string clang_args;       ///< extra clang arguments (a stand-in's -U/-D, m68k's packing)
    bool stand_in = false;        ///< clang_target is a stand-in (no clang backend)
    int word_bits = 64;
    std::string byte_order;       ///< "little" or "big"
    std::string sysroot;          ///< the include dir read, e.g. /usr/aarch64-linux-gnu/include
    bool approximate_layouts = false;  ///< struct layouts are not the arch's own ABI
};

struct Syscall {
    std::string name;    ///< "openat" (without __NR_)
    std::int64_t number = 0;
    std::string header;  ///< "asm/unistd_64.h"
    bool arch_private = false;  ///< __ARM_NR_* and similar
};

/// An integer constant; errnos are constants too, kept apart.
struct Constant {
    std::string name;
    std::int64_t value = 0;  ///< two's complement bits when is_unsigned
    bool is_unsigned = false;
    std::string header;
    std::string text() const;  ///< decimal, or 0x hex for unsigned/ioctl-like values
};

struct Field {
    std::string name;
    std::string type;
    std::uint64_t offset = 0;  ///< bytes
    std::uint64_t size = 0;    ///< bytes
    int bit_width = -1;        ///< -1 unless a bit-field
};

struct StructLayout {
    std::string name;  ///< "stat", "epoll_event"
    std::uint64_t size = 0;
    std::uint64_t align = 0;
    bool packed = false;
    bool approximate = false;  ///< computed with a stand-in target
    std::string header;
    std::vector<Field> fields;
};

struct ArchFacts {
    Provenance provenance;
    std::map<std::string, Syscall> syscalls;     ///< by name
    std::map<std::string, Constant> errnos;      ///< by name
    std::map<std::string, Constant> constants;   ///< by name
    std::map<std::string, StructLayout> structs; ///< by tag name

    const Syscall* syscall(const std::string& name) const;
    const Constant* errno_value(const std::string& name) const;
    const Constant* constant(const std::string& name) const;
    const StructLayout* layout(const std::string& name) const;
};

}  // namespace manaudit::archdata
