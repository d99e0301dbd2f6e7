// A small report world: four ABIs, two pages, findings written as data.
#pragma once

#include <string>
#include <vector>

#include "../audit/audit_fixture.h"
#include "audit/report/build_report.h"

namespace manaudit::report::testing {

using audit::testing::FactsBuilder;

inline std::vector<archdata::ArchFacts> four_abis() {
    return {
        FactsBuilder("x86_64").syscall("open", 2).syscall("openat", 257).syscall("read", 0)
            .constant("O_DIRECT", 0x4000).constant("MAP_FROB", 0x40).errno_value("EAGAIN", 11)
            .layout("frob_event", 12, 4, true).build(),
        FactsBuilder("i386").syscall("open", 5).syscall("openat", 295).syscall("read", 3)
            .constant("O_DIRECT", 0x4000).constant("MAP_FROB", 0x40).errno_value("EAGAIN", 11)
            .layout("frob_event", 12, 4, false).build(),
        FactsBuilder("arm64").syscall("openat", 56).syscall("read", 63)
            .constant("O_DIRECT", 0x10000).errno_value("EAGAIN", 11).layout("frob_event", 16, 8, false).build(),
        FactsBuilder("alpha").syscall("open", 45).syscall("openat", 450).syscall("read", 3)
            .constant("O_DIRECT", 0x80000).constant("MAP_FROB", 0x40).errno_value("EAGAIN", 35)
            .layout("frob_event", 16, 8, false).build(),
    };
}

inline audit::Evidence present(const std::string& arch, const std::string& value) {
    return {arch, true, value, "asm/unistd.h"};
}
inline audit::Evidence absent(const std::string& arch) { return {arch, false, "", ""}; }

/// open.2: open missing on arm64; O_DIRECT stated as x86's value.
inline std::vector<audit::Finding> sample_findings() {
    audit::Finding missing;
    missing.check_id = "syscall-missing-on-arch";
    missing.page = "man2/open.2";
    missing.line = 41;
    missing.subject = "open";
    missing.message = "system call open does not exist on arm64, and the page does not say so";
    missing.evidence = {present("x86_64", "2"), present("i386", "5"), absent("arm64"), present("alpha", "45")};

    audit::Finding value;
    value.check_id = "constant-value-differs";
    value.page = "man2/open.2";
    value.line = 90;
    value.subject = "O_DIRECT";
    value.message = "O_DIRECT is shown as 0x4000, but it is 0x10000 on arm64 and 0x80000 on alpha";
    value.evidence = {present("x86_64", "0x4000"), present("i386", "0x4000"), present("arm64", "0x10000"),
                      present("alpha", "0x80000")};

    audit::Finding errno_value;
    errno_value.check_id = "errno-value-claim";
    errno_value.page = "man2/read.2";
    errno_value.line = 12;
    errno_value.subject = "EAGAIN";
    errno_value.message = "EAGAIN is stated as 11, but it is 35 on alpha";
    // Evidence for three ABIs only: the fourth cell is not applicable.
    errno_value.evidence = {present("x86_64", "11"), present("i386", "11"), present("alpha", "35")};
    return {missing, value, errno_value};
}

inline std::vector<manpages::Page> sample_pages() {
    manpages::Page open;
    open.path = "man2/open.2";
    open.section = "2";
    open.names = {"open", "openat"};
    open.name_line = 5;
    open.constants = {{"O_DIRECT", 90, -1, false}, {"MAP_FROB", 95, -1, false}};
    open.structs.push_back({"frob_event", "struct frob_event { int a; };", {}, "", 120, -1});
    manpages::Page read;
    read.path = "man2/read.2";
    read.section = "2";
    read.names = {"read"};
    read.name_line = 5;
    read.errors.push_back({{"EAGAIN"}, "", "", 12, -1});
    return {open, read};
}

/// The report of the sample world; `facts` must outlive it only while building.
inline Report sample_report(const std::vector<archdata::ArchFacts>& facts,
                            const std::vector<manpages::Page>& pages,
                            const std::vector<archdata::ArchFacts>& other_kernel = {}) {
    ReportInputs in;
    in.corpus = "fixture";
    in.release = "man-pages test";
    in.generated = "2026-01-01";
    in.tool_version = "0.0.0";
    in.pages = pages;
    in.facts = facts;
    in.other_kernel = other_kernel;
    in.findings = sample_findings();
    return build_report(std::move(in));
}

}  // namespace manaudit::report::testing
