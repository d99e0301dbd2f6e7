// One patch as git format-patch writes it: an mbox message that git am reads.
#pragma once

#include <string>

#include "patches/identity.h"

namespace manaudit::patches {

struct PatchMail {
    std::string commit_id;  ///< 40 hex; the cover letter uses all zeros, as git does
    Identity from;
    std::string date;      ///< RFC 2822
    std::string subject;   ///< "[PATCH 1/3] man2/readdir.2: Document ..."
    std::string body;      ///< the message, paragraphs separated by blank lines
    std::string signoff;   ///< "Name <mail>", empty for none
    std::string diffstat;  ///< between `---` and the diff; empty for none
    std::string diff;      ///< "diff --git ..."; empty for a cover letter
    std::string trailer;   ///< after "-- ": the tool and version
};

/// The mbox text: From line, headers (long subjects folded), body,
/// Signed-off-by, `---`, diffstat, diff, signature.
std::string render_mail(const PatchMail& mail);

/// "0001-man2-readdir.2-Document-arches-lacking-readdir.patch": the number and
/// the subject reduced to letters, digits, '.' and '_' joined by '-', as git names it.
std::string patch_file_name(int number, const std::string& subject);

/// Wraps a paragraph at `width` columns, breaking only at spaces.
std::string wrap_paragraph(const std::string& text, std::size_t width = 72);

}  // namespace manaudit::patches
