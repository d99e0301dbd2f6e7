// The small four-arch world the check tests audit against.
#pragma once

#include <vector>

#include "../audit_fixture.h"

namespace manaudit::audit::testing {

/// x86_64, i386, arm64 and riscv64, with the few facts the fixtures use.
inline std::vector<archdata::ArchFacts> small_world() {
    auto common = [](FactsBuilder b) {
        return b.syscall("read", 0).syscall("newcall", 500).errno_value("ENOENT", 2).errno_value("EAGAIN", 11)
            .constant("MAP_PLAIN", 1).constant("FROB_MAGIC", 0x10);
    };
    return {
        common(FactsBuilder("x86_64")).syscall("frob", 1).syscall("fadvise", 2).errno_value("EFROB", 200)
            .constant("MAP_FROB", 0x40).layout("frob_event", 12, 1, true).build(),
        common(FactsBuilder("i386")).syscall("frob", 2).syscall("olddir", 89).syscall("fadvise", 3)
            .errno_value("EFROB", 200).constant("MAP_FROB", 0x40).layout("frob_event", 12, 4, false).build(),
        common(FactsBuilder("arm64")).syscall("frobat", 3).syscall("arm_fadvise", 4)
            .layout("frob_event", 16, 8, false).build(),
        common(FactsBuilder("riscv64")).syscall("frobat", 3).syscall("arm_fadvise", 4)
            .layout("frob_event", 16, 8, false).build(),
    };
}

/// The small world plus an Alpha whose numbers differ.
inline std::vector<archdata::ArchFacts> world_with_alpha() {
    auto facts = small_world();
    facts.push_back(FactsBuilder("alpha").syscall("read", 3).syscall("frob", 9).errno_value("ENOENT", 2)
                        .errno_value("EAGAIN", 35).constant("MAP_PLAIN", 1).constant("FROB_MAGIC", 0x20).build());
    return facts;
}

/// The small world with what kernel sources add: a call i386 reaches only
/// through socketcall, and one that arm64 and riscv64 number as a reserved slot.
inline std::vector<archdata::ArchFacts> world_with_kernel_source() {
    auto facts = small_world();
    for (auto& f : facts) {
        const std::string& id = f.provenance.arch_id;
        if (id == "i386") f.multiplexed["acceptish"] = {"acceptish", "socketcall", 5, "linux/net.h"};
        else f.syscalls["acceptish"] = {"acceptish", 43, "asm/unistd.h", false};
        f.syscalls["ldtcall"] = {"ldtcall", 154, "asm/unistd.h", false};
        if (id == "arm64" || id == "riscv64") f.syscalls["ldtcall"].implemented = false;
    }
    return facts;
}

}  // namespace manaudit::audit::testing
