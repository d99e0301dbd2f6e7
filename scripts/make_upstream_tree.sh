#!/bin/sh
# Lays out the installed man-pages release (/usr/share/man, Debian's layout) as
# an upstream man-pages 6.03 source tree: man2/*.2 and man3type/*.3type
# decompressed, aliases as `.so` pages the way upstream ships them (Debian
# turns them into symlinks), and the pages outside those sections that a
# `.so` names (man3head/printf.h.3head, man3/mq_open.3).
#
# usage: scripts/make_upstream_tree.sh [--git] [--all] [--from DIR] DEST
#   --git       make DEST a git repository with the tree as its one commit
#   --all       take every page of every section found under DIR, not only
#               section 2, 3type and 3head
#   --from DIR  the installed man tree to read (default /usr/share/man)
#   --man-dir   today's upstream layout: every section folder under man/
#               (man/man2/open.2), with compat symlinks man2 -> man/man2
set -eu

from=/usr/share/man
make_git=no
take_all=no
man_dir=no
while [ $# -gt 0 ]; do
    case $1 in
        --git) make_git=yes; shift ;;
        --all) take_all=yes; shift ;;
        --man-dir) man_dir=yes; shift ;;
        --from) from=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        -*) echo "make_upstream_tree.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: make_upstream_tree.sh [--git] [--all] [--man-dir] [--from DIR] DEST" >&2; exit 2; }
dest=$1
if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
    echo "make_upstream_tree.sh: $dest exists and is not empty" >&2
    exit 2
fi
[ -d "$from/man2" ] || { echo "make_upstream_tree.sh: no man2/ under $from" >&2; exit 2; }

# The upstream directory of a page file name: open.2 -> man2, pid_t.3type -> man3type.
section_dir() {
    base=${1%.gz}
    echo "man${base##*.}"
}

# copy_page SRC_FILE: decompress a page, or write the `.so` an alias link stands for.
copy_page() {
    src=$1
    name=$(basename "$src" .gz)
    dir=$(section_dir "$name")
    mkdir -p "$dest/$dir"
    if [ -L "$src" ]; then
        target=$(basename "$(readlink "$src")" .gz)
        printf '.so %s/%s\n' "$(section_dir "$target")" "$target" > "$dest/$dir/$name"
    else
        case $src in
            *.gz) gzip -dc "$src" ;;
            *) cat "$src" ;;
        esac | upstream_so > "$dest/$dir/$name"
    fi
}

# Debian folds man2const/X.2const into man2/ and writes its `.so` lines so;
# upstream names the page's own section folder (.so man2const/X.2const).
upstream_so() {
    sed -E 's,^(\.so[[:space:]]+)man[0-9]+/([^/[:space:]]+\.([0-9][a-z]+))[[:space:]]*$,\1man\3/\2,'
}

mkdir -p "$dest"
if [ "$take_all" = yes ]; then
    for page in "$from"/man*/*; do
        [ -e "$page" ] || [ -L "$page" ] || continue
        case $(basename "$page" .gz) in *.[1-9]*) copy_page "$page" ;; esac
    done
fi
for page in "$from"/man2/*.2 "$from"/man2/*.2.gz "$from"/man3/*.3type "$from"/man3/*.3type.gz \
            "$from"/man3/*.3head "$from"/man3/*.3head.gz; do
    [ -e "$page" ] || [ -L "$page" ] || continue
    copy_page "$page"
done

# Pages outside those sections that a `.so` names (man3/mq_open.3,
# man7/system_data_types.7) come along, so every redirect resolves.
grep -rh '^\.so ' "$dest" | sed 's/^\.so //' | sort -u | while read -r target; do
    [ -e "$dest/$target" ] && continue
    for candidate in "$from/$target" "$from/$target.gz"; do
        if [ -e "$candidate" ]; then
            mkdir -p "$dest/$(dirname "$target")"
            case $candidate in
                *.gz) gzip -dc "$candidate" > "$dest/$target" ;;
                *) cp "$candidate" "$dest/$target" ;;
            esac
            break
        fi
    done
done

if [ "$man_dir" = yes ]; then
    # `.so` paths stay relative to man/, as upstream keeps them.
    mkdir "$dest/man"
    for dir in "$dest"/man[0-9]*; do
        name=$(basename "$dir")
        mv "$dir" "$dest/man/$name"
        ln -s "man/$name" "$dest/$name"
    done
fi

if [ "$make_git" = yes ]; then
    (
        cd "$dest"
        git init -q
        git add .
        git -c user.name="man-pages release" -c user.email="release@localhost" \
            commit -q -m "man-pages release laid out from $from"
    )
fi
echo "make_upstream_tree.sh: $(find "$dest" -path "$dest/.git" -prune -o -name '*.[0-9]*' -type f -print | wc -l) pages under $dest" >&2
