// Fuzz target: the fact pack's index and its decoders. The pack is made by
// the build, but a damaged one must still be refused, never trusted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "arch-data/fact_pack.h"
#include "arch-data/fact_pack_codec.h"

using namespace manaudit::archdata;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    install_fact_pack(bytes);
    (void)packed_arch_facts("x86_64.xml", bytes);
    install_fact_pack({});
    // The bytes as one file's encoded facts, of either kind.
    pack::Decoder arch_in{bytes};
    ArchFacts arch;
    const bool arch_ok = pack::decode(arch_in, arch);
    pack::Decoder libc_in{bytes};
    LibcFacts libc;
    (void)pack::decode(libc_in, libc);
    // What decodes must encode to the same bytes (keys come sorted, as written).
    if (arch_ok) {
        pack::Encoder out;
        pack::encode(out, arch);
        pack::Decoder again{out.out};
        ArchFacts twice;
        if (!pack::decode(again, twice)) __builtin_trap();
    }
    return 0;
}
