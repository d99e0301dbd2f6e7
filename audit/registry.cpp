// The check registry: one line per check, in the order reports list them.
#include "audit/registry.h"

#include "audit/checks/constant_missing_on_arch.h"
#include "audit/checks/constant_value_differs.h"
#include "audit/checks/errno_missing_on_arch.h"
#include "audit/checks/errno_value_claim.h"
#include "audit/checks/header_missing_on_arch.h"
#include "audit/checks/prototype_mismatch.h"
#include "audit/checks/struct_layout_differs.h"
#include "audit/checks/syscall_missing_on_arch.h"
#include "audit/checks/syscall_newer_than_facts.h"
#include "audit/checks/syscall_signature_differs.h"
#include "audit/checks/syscalls_table_notes.h"
#include "audit/checks/wrapper_claim.h"
#include "audit/checks/x86_only_statement.h"

namespace manaudit::audit {

std::vector<std::unique_ptr<Check>> make_all_checks() {
    std::vector<std::unique_ptr<Check>> checks;
    checks.push_back(std::make_unique<SyscallMissingOnArchCheck>());
    checks.push_back(std::make_unique<X86OnlyStatementCheck>());
    checks.push_back(std::make_unique<ErrnoMissingOnArchCheck>());
    checks.push_back(std::make_unique<ErrnoValueClaimCheck>());
    checks.push_back(std::make_unique<ConstantMissingOnArchCheck>());
    checks.push_back(std::make_unique<ConstantValueDiffersCheck>());
    checks.push_back(std::make_unique<StructLayoutDiffersCheck>());
    checks.push_back(std::make_unique<SyscallsTableNotesCheck>());
    checks.push_back(std::make_unique<SyscallNewerThanFactsCheck>());
    checks.push_back(std::make_unique<PrototypeMismatchCheck>());
    checks.push_back(std::make_unique<HeaderMissingOnArchCheck>());
    checks.push_back(std::make_unique<WrapperClaimCheck>());
    checks.push_back(std::make_unique<SyscallSignatureDiffersCheck>());
    return checks;
}

std::vector<CheckInfo> all_check_infos() {
    std::vector<CheckInfo> infos;
    for (const auto& check : make_all_checks()) infos.push_back(check->info());
    return infos;
}

const CheckInfo* find_check_info(std::string_view id) {
    static const std::vector<CheckInfo> infos = all_check_infos();
    for (const auto& info : infos)
        if (info.id == id) return &info;
    return nullptr;
}

}  // namespace manaudit::audit
