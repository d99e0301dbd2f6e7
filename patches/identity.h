// Who a patch is from and who signs it off: given on the command line or
// taken from git config, never made up.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace manaudit::patches {

struct Identity {
    std::string name;
    std::string email;
    std::string text() const { return name + " <" + email + ">"; }
};

/// Parses "Name <mail@host>"; nullopt if it is not of that form.
std::optional<Identity> parse_identity(const std::string& text);

/// user.name and user.email from `git config` run in `directory` (the current
/// directory if empty); nullopt if either is unset or git is missing.
std::optional<Identity> git_config_identity(const std::string& directory = {});

/// RFC 2822 date in UTC, as in a mail's Date: header: "Wed, 25 Nov 2026 18:28:55 +0000".
std::string rfc2822_date(std::time_t when);

/// SOURCE_DATE_EPOCH when set (reproducible output), else now.
std::time_t patch_date_now();

}  // namespace manaudit::patches
