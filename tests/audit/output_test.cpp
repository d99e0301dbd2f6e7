// Tests of the text, JSON and SARIF renderings of findings.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "audit/output.h"
#include "audit/registry.h"

using namespace manaudit::audit;

namespace {

Finding readdir_finding() {
    Finding f;
    f.check_id = "x86-only-statement";
    f.page = "man2/readdir.2";
    f.line = 113;
    f.subject = "readdir";
    f.message = "readdir does not exist on x86_64, and also not on arm64";
    f.evidence = {{"x86_64", false, "", ""}, {"i386", true, "89", "asm/unistd_32.h"}, {"arm64", false, "", ""}};
    f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
    f.edit.old_text = "This system call does not exist on x86-64.";
    f.edit.new_text = "This system call does not exist on x86-64 and arm64.";
    return f;
}

}  // namespace

TEST_CASE("text output is compiler style with one note per arch", "[audit][output]") {
    std::string text = format_text({readdir_finding()}, false);
    CHECK(text ==
          "man2/readdir.2:113:1: warning: readdir does not exist on x86_64, and also not on arm64 "
          "[x86-only-statement]\n"
          "    note: x86_64: absent\n"
          "    note: i386: 89 (asm/unistd_32.h)\n"
          "    note: arm64: absent\n");
}

TEST_CASE("text output colours only when asked", "[audit][output]") {
    CHECK(format_text({readdir_finding()}, false).find('\033') == std::string::npos);
    CHECK(format_text({readdir_finding()}, true).find("\033[1;35mwarning:") != std::string::npos);
}

TEST_CASE("JSON output carries the full evidence and the edit", "[audit][output]") {
    auto doc = nlohmann::json::parse(format_json({readdir_finding()}, {"x86_64", "i386", "arm64"}, "0.1.0"));
    REQUIRE(doc["findings"].size() == 1);
    const auto& f = doc["findings"][0];
    CHECK(f["check"] == "x86-only-statement");
    CHECK(f["line"] == 113);
    CHECK(f["evidence"].size() == 3);
    CHECK(f["evidence"][1]["value"] == "89");
    CHECK(f["evidence"][1]["header"] == "asm/unistd_32.h");
    CHECK(f["evidence"][0]["present"] == false);
    CHECK(f["edit"]["kind"] == "rewrite_sentence");
    CHECK(f["fingerprint"] == readdir_finding().fingerprint());
}

TEST_CASE("JSON output survives text that is not UTF-8", "[audit][output]") {
    Finding f = readdir_finding();
    f.message = "caf\xe9";
    CHECK_NOTHROW(nlohmann::json::parse(format_json({f}, {}, "0.1.0")));
}

TEST_CASE("SARIF output has the fields code scanning requires", "[audit][output][sarif]") {
    auto doc = nlohmann::json::parse(format_sarif({readdir_finding()}, "0.1.0"));
    CHECK(doc["$schema"].get<std::string>().find("sarif") != std::string::npos);
    CHECK(doc["version"] == "2.1.0");
    REQUIRE(doc["runs"].size() == 1);
    const auto& driver = doc["runs"][0]["tool"]["driver"];
    CHECK(driver["name"] == "manaudit");
    CHECK(driver["version"] == "0.1.0");
    REQUIRE(driver["rules"].size() == all_check_infos().size());
    for (const auto& rule : driver["rules"]) {
        CHECK(rule["id"].is_string());
        CHECK(rule["shortDescription"]["text"].is_string());
    }
    const auto& results = doc["runs"][0]["results"];
    REQUIRE(results.size() == 1);
    const auto& r = results[0];
    CHECK(r["ruleId"] == "x86-only-statement");
    CHECK(r["level"] == "warning");
    CHECK(r["message"]["text"] == readdir_finding().message);
    const auto& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "man2/readdir.2");
    CHECK(loc["region"]["startLine"] == 113);
    CHECK(r["partialFingerprints"].is_object());
    CHECK(!r["partialFingerprints"].empty());
    // ruleIndex points at the rule with the same id.
    CHECK(driver["rules"][r["ruleIndex"].get<int>()]["id"] == "x86-only-statement");
}
