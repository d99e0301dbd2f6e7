// How a syscall is available on one ABI, read from its facts: the one place
// the report asks ArchFacts about syscalls.
#pragma once

#include <string>

#include "arch-data/arch_facts.h"
#include "audit/report/report.h"

namespace manaudit::report {

/// The cell for `name` on `facts`: its number, or its absence with the call
/// that ABI uses instead (when the facts have one).
SyscallCell syscall_status(const archdata::ArchFacts& facts, const std::string& name);

/// The syscall `facts` offers in place of `name` ("openat" for open on
/// arm64), or empty. Tried in order: the same name with an "at", "64", "2"...
/// suffix or "rt_"/"new"/"p" prefix, then calls that replaced another outright.
std::string replacement_for(const archdata::ArchFacts& facts, const std::string& name);

}  // namespace manaudit::report
