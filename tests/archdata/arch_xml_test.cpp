// The arch-data XML form: round trip, stability, and errors on bad files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "arch-data/store.h"

using namespace manaudit;
using namespace manaudit::archdata;

namespace {

ArchFacts sample_facts() {
    ArchFacts f;
    Provenance& p = f.provenance;
    p.arch_id = "testarch";
    p.kernel_version = "6.1.4";
    p.package = "linux-libc-dev-test-cross";
    p.package_version = "6.1.4-1cross1";
    p.command = "manaudit extract --arch testarch";
    p.clang_target = "x86_64-linux-gnu";
    p.clang_args = "-U__x86_64__ -D__test__";
    p.stand_in = true;
    p.word_bits = 64;
    p.byte_order = "little";
    p.sysroot = "/usr/test/include";
    p.approximate_layouts = true;
    f.syscalls["read"] = {"read", 63, "asm-generic/unistd.h", false};
    f.syscalls["set_tls"] = {"set_tls", 0xf0005, "asm/unistd.h", true};
    f.errnos["EAGAIN"] = {"EAGAIN", 35, false, "asm/errno.h"};
    f.constants["AT_FDCWD"] = {"AT_FDCWD", -100, false, "linux/fcntl.h"};
    f.constants["RLIM_INFINITY"] = {"RLIM_INFINITY", -1, true, "asm-generic/resource.h"};
    f.constants["TCGETS"] = {"TCGETS", 0x402c7413, true, "asm/ioctls.h"};
    StructLayout ev{"epoll_event", 12, 1, true, true, "linux/eventpoll.h",
                    {{"events", "__poll_t", 0, 4, -1}, {"data", "__u64", 4, 8, -1}}};
    f.structs["epoll_event"] = ev;
    StructLayout bits{"bits", 4, 4, false, true, "x.h", {{"flag", "unsigned int", 0, 4, 3}}};
    f.structs["bits"] = bits;
    return f;
}

}  // namespace

TEST_CASE("arch-data XML round trips exactly", "[xml]") {
    ArchFacts f = sample_facts();
    std::string xml = to_xml(f);
    Diagnostics diags;
    auto back = parse_arch_xml(xml, "sample.xml", diags);
    REQUIRE(diags.empty());
    REQUIRE(back);
    CHECK(to_xml(*back) == xml);
    CHECK(back->provenance.clang_args == "-U__x86_64__ -D__test__");
    CHECK(back->provenance.stand_in);
    CHECK(back->syscall("set_tls")->arch_private);
    CHECK(back->syscall("set_tls")->number == 0xf0005);
    CHECK(back->constant("AT_FDCWD")->value == -100);
    CHECK(back->constant("RLIM_INFINITY")->is_unsigned);
    CHECK(back->constant("RLIM_INFINITY")->text() == "0xffffffffffffffff");
    CHECK(back->constant("TCGETS")->value == 0x402c7413);
    CHECK(back->layout("epoll_event")->packed);
    CHECK(back->layout("epoll_event")->fields[1].offset == 4);
    CHECK(back->layout("bits")->fields[0].bit_width == 3);
}

TEST_CASE("the first lines name the command, package, kernel and target", "[xml]") {
    std::string xml = to_xml(sample_facts());
    std::string head = xml.substr(0, xml.find("<arch-data"));
    CHECK(head.find("generated-by: manaudit extract --arch testarch") != std::string::npos);
    CHECK(head.find("linux-libc-dev-test-cross 6.1.4-1cross1 (Linux 6.1.4)") != std::string::npos);
    CHECK(head.find("x86_64-linux-gnu -U__x86_64__ -D__test__ (stand-in), 64-bit, little-endian") !=
          std::string::npos);
    // Names sort: syscalls read before set_tls, constants AT_ before TCGETS.
    CHECK(xml.find("\"read\"") < xml.find("\"set_tls\""));
    CHECK(xml.find("\"AT_FDCWD\"") < xml.find("\"TCGETS\""));
}

TEST_CASE("malformed XML is an error naming the file and line", "[xml]") {
    Diagnostics diags;
    CHECK_FALSE(parse_arch_xml("<arch-data format=\"1\">\n<syscalls>\n<syscall name=\"x\"\n", "bad.xml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "bad.xml");
    CHECK(diags[0].line >= 3);
    CHECK(diags[0].message.find("malformed") != std::string::npos);
}

TEST_CASE("a truncated file is caught even when it is well-formed", "[xml]") {
    std::string xml = to_xml(sample_facts());
    // Drop one syscall element but keep the counts: the counts betray it.
    std::size_t at = xml.find("<syscall name=\"read\"");
    std::size_t end = xml.find('\n', at);
    xml.erase(at, end - at + 1);
    Diagnostics diags;
    CHECK_FALSE(parse_arch_xml(xml, "cut.xml", diags));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags[0].message.find("count=2") != std::string::npos);
    CHECK(diags[0].line > 1);

    Diagnostics diags2;
    std::string half = to_xml(sample_facts());
    half.resize(half.size() / 2);
    CHECK_FALSE(parse_arch_xml(half, "half.xml", diags2));
    REQUIRE(diags2.size() == 1);
    CHECK(diags2[0].file == "half.xml");
}

TEST_CASE("bad values are reported with their line", "[xml]") {
    std::string xml = to_xml(sample_facts());
    std::size_t at = xml.find("number=\"63\"");
    xml.replace(at, 11, "number=\"6x\"");
    Diagnostics diags;
    CHECK_FALSE(parse_arch_xml(xml, "v.xml", diags));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags[0].message.find("'6x'") != std::string::npos);
    CHECK(diags[0].line == 8);  // declaration, PI, 2 comments, root, provenance, <syscalls>, read
    Diagnostics diags3;
    CHECK_FALSE(parse_arch_xml("<other/>", "o.xml", diags3));
    CHECK(diags3[0].message.find("<arch-data>") != std::string::npos);
}

TEST_CASE("write_arch_file writes what to_xml renders and read_arch_file reads it", "[xml]") {
    ArchFacts f = sample_facts();
    std::string path = (std::filesystem::temp_directory_path() / ("manaudit-xml-test-" + std::to_string(::getpid()) + ".xml")).string();
    Diagnostics diags;
    REQUIRE(write_arch_file(f, path, diags));
    auto back = read_arch_file(path, diags);
    std::remove(path.c_str());
    REQUIRE(back);
    CHECK(to_xml(*back) == to_xml(f));
    CHECK_FALSE(read_arch_file("/nonexistent/arch.xml", diags));
    CHECK(diags.back().file == "/nonexistent/arch.xml");
}

TEST_CASE("many bad attributes give a capped list of errors, in linear time", "[xml][bad]") {
    std::string xml = to_xml(sample_facts());
    // 200000 syscalls whose numbers are not numbers, each on its own line.
    std::string bad;
    for (int i = 0; i < 200000; ++i) bad += "<syscall name=\"s" + std::to_string(i) + "\" number=\"x\" header=\"h\"/>\n";
    xml.insert(xml.find("<syscall name=\"read\""), bad);
    Diagnostics diags;
    CHECK_FALSE(parse_arch_xml(xml, "many.xml", diags));
    REQUIRE(diags.size() == 21);
    CHECK(diags[0].line == 8);
    CHECK(diags[19].line == 27);
    CHECK(diags[20].message.find("more errors in this file not shown") != std::string::npos);
}

TEST_CASE("a file named for one arch that holds another's data is refused", "[xml][bad]") {
    ArchFacts f = sample_facts();
    f.provenance.arch_id = "x86_64";
    Diagnostics diags;
    CHECK_FALSE(parse_arch_xml(to_xml(f), "data/riscv64.xml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "data/riscv64.xml");
    CHECK(diags[0].message.find("named for riscv64 but holds the data of 'x86_64'") != std::string::npos);

    Diagnostics same;
    CHECK(parse_arch_xml(to_xml(f), "data/x86_64.xml", same));
    CHECK(same.empty());
}

TEST_CASE("values out of any ABI's range are refused", "[xml][bad]") {
    auto refused = [](const std::string& xml, const std::string& part) {
        Diagnostics diags;
        bool loaded = parse_arch_xml(xml, "odd.xml", diags).has_value();
        bool named = false;
        for (const auto& d : diags) named = named || d.message.find(part) != std::string::npos;
        INFO(part);
        CHECK_FALSE(loaded);
        CHECK(named);
    };
    auto with = [](std::string xml, const std::string& from, const std::string& to) {
        xml.replace(xml.find(from), from.size(), to);
        return xml;
    };
    const std::string xml = to_xml(sample_facts());
    refused(with(xml, "word-bits=\"64\"", "word-bits=\"9223372036854775807\""), "'word-bits' must be 32 or 64");
    refused(with(xml, "byte-order=\"little\"", "byte-order=\"middle\""), "byte-order must be little or big");
    refused(with(xml, "size=\"12\"", "size=\"-12\""), "'size' is negative");
    refused(with(xml, "size=\"12\"", "size=\"9223372036854775807\""), "implausible size");
    refused(with(xml, "align=\"1\"", "align=\"3\""), "alignment that is not a power of two");
    refused(with(xml, "offset=\"4\"", "offset=\"9223372036854775800\""), "lies outside the struct");
    refused(with(xml, "number=\"63\"", "number=\"-5\""), "implausible number -5");
    refused(with(xml, "value=\"35\"", "value=\"0\""), "errno EAGAIN has an implausible value 0");

    ArchFacts wrong_width = sample_facts();
    wrong_width.provenance.arch_id = "i386";
    refused(to_xml(wrong_width), "i386 is a 32-bit ABI, but the file says 64");
}
