# bash completion for manaudit(1)

_manaudit_abis="x86_64 i386 x32 arm64 arm riscv64 powerpc powerpc64le s390x mips-o32 mips64-n64 sparc64 alpha parisc m68k sh arc amd64 aarch64 armhf ppc64el loong64"

_manaudit() {
    local cur prev words cword
    _init_completion -n = || return

    local commands="audit report patch archdiff parse extract"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            audit|report|patch|archdiff|parse|extract) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands --help -h --version -V" -- "$cur"))
        return
    fi

    case $prev in
        --format)
            case $command in
                audit) COMPREPLY=($(compgen -W "text json sarif" -- "$cur")) ;;
                report) COMPREPLY=($(compgen -W "html text json" -- "$cur")) ;;
                archdiff) COMPREPLY=($(compgen -W "text json html" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
            esac
            return ;;
        --arch)
            # A comma-separated list: complete the last item.
            local head=${cur%,*} last=${cur##*,}
            [[ $cur == *,* ]] && head="$head," || head=""
            COMPREPLY=($(compgen -P "$head" -W "$_manaudit_abis" -- "$last"))
            compopt -o nospace
            return ;;
        --check)
            local checks
            checks=$(manaudit audit --list-checks 2>/dev/null | awk '{print $1}')
            local head=${cur%,*} last=${cur##*,}
            [[ $cur == *,* ]] && head="$head," || head=""
            COMPREPLY=($(compgen -P "$head" -W "$checks" -- "$last"))
            compopt -o nospace
            return ;;
        --mode) COMPREPLY=($(compgen -W "fix flag" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --arch-data|--libc-data|--other-kernel|--sysroot|--apply|--kernel-source|--headers) _filedir -d; return ;;
        --pages) _filedir; return ;;
        -o|--output)
            if [[ $command == patch ]]; then _filedir -d; else _filedir; fi
            return ;;
        --baseline|--write-baseline) _filedir; return ;;
        -j|--jobs|--signoff|--from|--release) return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts="--help"
        case $command in
            audit) opts+=" --arch --check --arch-data --libc-data --kernel --jobs --format --output --brief --baseline --write-baseline --color --exit-zero --list-checks" ;;
            report) opts+=" --arch --check --arch-data --libc-data --kernel --jobs --format --output --other-kernel --release --exit-zero" ;;
            patch) opts+=" --arch --check --arch-data --libc-data --kernel --jobs --mode --output --signoff --from --force --apply" ;;
            archdiff) opts+=" --format --only-missing --output --arch-data" ;;
            parse) opts+=" --format --tree --source --jobs" ;;
            extract) opts+=" --arch --all --sysroot --kernel-source --headers --libc --pages --list-arches --output --jobs" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    if [[ $command == archdiff ]]; then
        COMPREPLY=($(compgen -W "$_manaudit_abis" -- "$cur"))
        _filedir xml
        return
    fi
    _filedir
}
complete -F _manaudit manaudit
