// Findings: what a check reports, with per-arch evidence and a proposed edit.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace manaudit::audit {

using manaudit::Severity;

/// The fact on one architecture: its value, or its absence, and where it came from.
struct Evidence {
    std::string arch;     ///< ABI id: "arm64"
    bool present = false;
    std::string value;    ///< "35", "0x5401", "size 16, align 8"; empty when absent
    std::string header;   ///< "asm-generic/unistd.h"; empty when absent
};

/// What the patch generator should change, as data. Checks never write files.
struct ProposedEdit {
    enum class Kind {
        none,
        add_note,          ///< add user-visible text (fix mode) in `section`
        rewrite_sentence,  ///< replace `old_text` on `line` with `new_text`
        table_note,        ///< set the syscalls(2) table row's Notes cell to `new_text`
    };
    Kind kind = Kind::none;
    int line = 0;              ///< the line the finding is about (flag comments go beside it)
    std::string flag_text;     ///< one line for `.\" FIXME: ...` (flag mode)
    std::string section;       ///< where fix-mode text goes: "NOTES", "VERSIONS", "ERRORS"...
    std::string subsection;    ///< e.g. "Architecture-specific details"; empty for none
    std::string old_text;      ///< rewrite_sentence: exact source text to replace on `line`
    std::string new_text;      ///< roff source to insert or substitute, one sentence per line
    std::string summary;       ///< short phrase for a patch subject: "Document arches lacking readdir"
};

struct Finding {
    std::string check_id;  ///< "syscall-missing-on-arch"
    Severity severity = Severity::warning;
    std::string page;      ///< page path relative to the tree: "man2/readdir.2"
    int line = 0;
    int column = 1;
    std::string subject;   ///< the fact: "readdir", "O_DIRECT", "struct epoll_event"
    std::string message;   ///< lower-case start, no final period, concrete values
    std::vector<Evidence> evidence;  ///< one per arch audited, in table order
    ProposedEdit edit;

    /// Stable across unrelated edits of the page: check, page, subject, message
    /// shape; used by baselines and SARIF partialFingerprints.
    std::string fingerprint() const;
};

}  // namespace manaudit::audit
