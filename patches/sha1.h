// SHA-1, for git object ids in diff `index` lines and patch identities.
#pragma once

#include <string>
#include <string_view>

namespace manaudit::patches {

/// The 40-hex SHA-1 of `data`.
std::string sha1_hex(std::string_view data);

/// The id git gives a file with these contents: SHA-1 of "blob <size>\0" + data.
std::string git_blob_id(std::string_view data);

}  // namespace manaudit::patches
