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
