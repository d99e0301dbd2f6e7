// ArchFacts: what one architecture's headers define, as the compiler sees them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "arch-data/fact_table.h"
#include "arch-data/name_index.h"

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
    /// "linux-source-6.12 6.12.117-1" when syscall entry points, implemented
    /// slots and multiplexed calls came from the kernel source; empty when
    /// only headers were read (then every numbered call counts as implemented).
    std::string kernel_source;
};

struct Syscall {
    std::string name;    ///< "openat" (without __NR_)
    std::int64_t number = 0;
    std::string header;  ///< "asm/unistd_64.h"
    bool arch_private = false;  ///< __ARM_NR_* and similar
    /// From the kernel's syscall table (empty when only headers were read).
    std::string entry = {};         ///< "sys_openat"; empty for a slot with no entry point
    std::string compat_entry = {};  ///< "compat_sys_openat" where the table has one
    /// False for a reserved slot (no entry point, or sys_ni_syscall): calling
    /// it gives ENOSYS, so the call is absent for a reader.
    bool implemented = true;
};

/// A call an ABI reaches through a multiplexing syscall (socketcall(2),
/// ipc(2)) with the call number that multiplexer takes.
struct MultiplexedCall {
    std::string name = {};    ///< "accept"
    std::string via = {};     ///< "socketcall" or "ipc"
    std::int64_t call = 0;    ///< SYS_ACCEPT = 5, SEMOP = 1
    std::string header = {};  ///< where the call number is defined: "linux/net.h"
};

/// One parameter of a kernel entry point as the kernel source spells it
/// (without `__user`).
struct KernelParam {
    std::string type = {};  ///< "loff_t", "const char *"
    std::string name = {};  ///< "offset"; empty where the source leaves it unnamed
};

/// A kernel entry point's parameters, from its SYSCALL_DEFINEn or its
/// declaration.
struct EntrySignature {
    std::string name = {};  ///< "sys_arm_fadvise64_64"
    std::vector<KernelParam> params = {};
    std::string source = {};  ///< where it was read, relative to the tree: "arch/arm/kernel/sys_arm.c"
};

/// "int fd, loff_t offset": the parameters as one C parameter list.
std::string kernel_params_text(const std::vector<KernelParam>& params);
/// The inverse of kernel_params_text: a last identifier after a type is the
/// parameter's name ("unsigned long" and "struct stat *" are unnamed).
std::vector<KernelParam> parse_kernel_params(const std::string& text);

/// An integer constant; errnos are constants too, kept apart.
struct Constant {
    std::string name;
    std::int64_t value = 0;  ///< two's complement bits when is_unsigned
    bool is_unsigned = false;
    std::string header;
    /// Set for values the C library's time_t decides (SO_RCVTIMEO and
    /// friends on 32-bit ABIs): `value` holds the one for a 32-bit time_t
    /// (the kernel's `long`), this the one for a 64-bit time_t.
    std::optional<std::int64_t> value_time64 = {};
    std::string text() const;  ///< decimal, or 0x hex for unsigned/ioctl-like values
    /// True when `v` is this constant's value for either time_t.
    bool has_value(std::int64_t v) const { return v == value || (value_time64 && *value_time64 == v); }
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
    FactTable<Constant> errnos;      ///< by name
    FactTable<Constant> constants;   ///< by name
    FactTable<StructLayout> structs;  ///< by tag name
    std::map<std::string, MultiplexedCall> multiplexed;  ///< by call name
    /// From the kernel source: the parameters of each entry point this ABI's
    /// syscall table names, by entry name, where the source declares it.
    FactTable<EntrySignature> entry_signatures;
    /// The kernel's generic signature of a call (`sys_<call>` as
    /// include/linux/syscalls.h declares it for no particular arch), by call
    /// name, kept only where this ABI's entry point is declared otherwise.
    FactTable<EntrySignature> generic_signatures;

    /// A numbered syscall, implemented or not.
    const Syscall* syscall(const std::string& name) const;
    /// A syscall a program can really make: numbered and not a reserved slot.
    const Syscall* implemented_syscall(const std::string& name) const;
    /// How `name` is reached through socketcall(2) or ipc(2), if it is.
    const MultiplexedCall* multiplexed_call(const std::string& name) const;
    const Constant* errno_value(const std::string& name) const;
    const Constant* constant(const std::string& name) const;
    const StructLayout* layout(const std::string& name) const;
    /// The parameters of entry point `entry`, if known.
    const EntrySignature* entry_signature(const std::string& entry) const;
    /// The generic signature of `call` when this ABI's entry differs from it.
    const EntrySignature* generic_signature(const std::string& call) const;

    /// Hash indexes the lookups above use, once the tables are complete
    /// (the readers call it); lookups are right without them, only slower.
    void index_tables();

private:
    NameIndex<Syscall> syscall_index_;
};

/// "6.12.117" -> "6.12": the kernel series readers and patches name.
std::string kernel_series(const std::string& version);

}  // namespace manaudit::archdata
