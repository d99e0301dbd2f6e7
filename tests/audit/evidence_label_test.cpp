// Struct layout evidence says why a layout is not the arch's own ABI, from the provenance.
#include <catch2/catch.hpp>

#include <string>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "audit/evidence.h"

using namespace manaudit;

namespace {

archdata::ArchFacts facts_with_layout(const std::string& arch, bool stand_in, bool approximate_layouts) {
    archdata::ArchFacts facts;
    facts.provenance.arch_id = arch;
    facts.provenance.stand_in = stand_in;
    facts.provenance.approximate_layouts = approximate_layouts;
    archdata::StructLayout layout;
    layout.name = "frob_event";
    layout.size = 12;
    layout.align = 4;
    layout.approximate = approximate_layouts;
    layout.header = "linux/frob.h";
    facts.structs.emplace(layout.name, layout);
    return facts;
}

}  // namespace

TEST_CASE("layout evidence: stand-in, approximate and exact targets", "[audit][evidence]") {
    CHECK(audit::struct_evidence(facts_with_layout("alpha", true, true), "frob_event").value ==
          "size 12, align 4 (stand-in target)");
    CHECK(audit::struct_evidence(facts_with_layout("m68k", false, true), "frob_event").value ==
          "size 12, align 4 (approximate layout)");
    CHECK(audit::struct_evidence(facts_with_layout("arm64", false, false), "frob_event").value ==
          "size 12, align 4");
}

TEST_CASE("layout evidence from the shipped data: stand-ins only where the table says", "[audit][evidence]") {
    Diagnostics diags;
    auto all = archdata::load_arch_data(archdata::default_arch_data_dir(), {}, diags);
    REQUIRE(all.size() == 29);
    int checked = 0;
    for (const auto& facts : all) {
        const auto& arch = facts.provenance.arch_id;
        INFO(arch);
        auto e = audit::struct_evidence(facts, "epoll_event");
        REQUIRE(e.present);
        ++checked;
        const auto* row = archdata::find_arch(arch);
        REQUIRE(row);
        bool stand_in = row->stand_in;
        CHECK((e.value.find("(stand-in target)") != std::string::npos) == stand_in);
        CHECK((e.value.find("(approximate layout)") != std::string::npos) == (arch == "m68k"));
    }
    CHECK(checked == 29);
}
