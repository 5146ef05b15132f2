# saywho.bash -- bash completion for saywho(1): the commands, each command's options and the
# values they take, and file names where the command reads files or a database.
#
# Installed as share/bash-completion/completions/saywho, where the bash-completion package loads it
# when `saywho` is first completed; without that package, `source` this file from ~/.bashrc.
# It uses no function of bash-completion. The options are those of the --help texts (cli/*.c);
# tests/package/check_completion.py checks that every one of them is offered.

# The codes of the language packs, from `saywho extract --help` ("--language CODE ...: en
# (English), ..., or auto"), and auto. $1 is the program being completed.
_saywho_languages()
{
    local help codes
    help=$("$1" extract --help 2>/dev/null) || help=
    help=${help#*--language CODE}
    help=${help%%or auto*}
    codes=$(printf '%s\n' "$help" | grep -o '[a-z][a-z-]* (' | sed 's/ ($//')
    printf '%s\n' ${codes:-en} auto
}

_saywho()
{
    local cur prev cword=$COMP_CWORD
    cur=${COMP_WORDS[cword]}
    prev=
    ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
    COMPREPLY=()

    # An option's value after "=": bash splits "--output=js" into --output, =, js when "=" is in
    # COMP_WORDBREAKS (the default), and keeps it one word otherwise (then the word completed is
    # the whole "--output=js", and the answers keep the "--output=").
    local valueof= keep=
    if [[ $cur == "=" ]]; then
        valueof=$prev
        cur=
    elif [[ $prev == "=" ]] && ((cword >= 2)); then
        valueof=${COMP_WORDS[cword - 2]}
    elif [[ $cur == --*=* ]]; then
        valueof=${cur%%=*}
        keep=$valueof=
        cur=${cur#*=}
    fi

    # The program: as typed when it can be run (build/saywho), else saywho from the PATH.
    local prog=${COMP_WORDS[0]}
    [[ $prog == */* && -x $prog ]] || prog=saywho

    # The command: the first word after the program that is not an option.
    local cmd= cmd_at=0 i
    for ((i = 1; i < cword; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            cmd=${COMP_WORDS[i]}
            cmd_at=$i
            break
        fi
    done
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version -h -V" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "extract ingest search speakers quotes stats help version" -- "$cur"))
        fi
        return 0
    fi
    if [[ $cmd == help ]]; then # saywho help COMMAND
        if ((cword == cmd_at + 1)); then
            COMPREPLY=($(compgen -W "extract ingest search speakers quotes stats" -- "$cur"))
        fi
        return 0
    fi

    # Per command: the options without a value, those with one (long and short; the deprecated
    # --format is still understood but not offered), and what the positional arguments are
    # (files: any number of files; db: one database file, then nothing; db+query: a database
    # file, then a query). The tables of cli/specs.c, which `saywho CMD --help` prints.
    local flags="-h --help" valued= offered= positional=
    case $cmd in
        extract)
            flags+=" -p --pretty --blocks --keep-non-statements --quotes-only"
            offered="-i --input-format -l --language -o --output"
            positional=files ;;
        ingest)
            flags+=" --replace"
            offered="-i --input-format -l --language --batch"
            positional=files ;;
        search)
            offered="-s --speaker --since --until --source -n --limit -o --output"
            positional=db+query ;;
        quotes)
            offered="-s --speaker --since --until --source -n --limit -o --output"
            positional=db ;;
        speakers)
            offered="--since --until --source --gender -n --limit -o --output"
            positional=db ;;
        stats)
            offered="--since --until --source -o --output"
            positional=db ;;
        *) return 0 ;;
    esac
    valued="$offered --format"

    # The value of an option (after a space or "=").
    [[ -z $valueof && " $valued " == *" $prev "* ]] && valueof=$prev
    if [[ -n $valueof ]]; then
        case $cmd:$valueof in
            *:--input-format | *:-i) COMPREPLY=($(compgen -W "auto jsonl text" -- "$cur")) ;;
            extract:--output | extract:-o) COMPREPLY=($(compgen -W "jsonl json table csv tsv" -- "$cur")) ;;
            *:--output | *:-o) COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "$cur")) ;;
            extract:--format) COMPREPLY=($(compgen -W "jsonl text table" -- "$cur")) ;;
            *:--format) COMPREPLY=($(compgen -W "table jsonl" -- "$cur")) ;;
            speakers:--gender) COMPREPLY=($(compgen -W "female male unknown" -- "$cur")) ;;
            *:--language | *:-l) COMPREPLY=($(compgen -W "$(_saywho_languages "$prog")" -- "$cur")) ;;
        esac
        [[ -n $keep ]] && COMPREPLY=("${COMPREPLY[@]/#/$keep}")
        return 0
    fi

    # How many positional arguments come before this word ("--" ends the options).
    local npos=0 options_done=0 w
    for ((i = cmd_at + 1; i < cword; i++)); do
        w=${COMP_WORDS[i]}
        if ((!options_done)) && [[ $w == "--" ]]; then
            options_done=1
        elif ((!options_done)) && [[ $w == -?* ]]; then
            if [[ ${COMP_WORDS[i + 1]} == "=" ]]; then
                ((i += 2))
            elif [[ " $valued " == *" $w "* ]]; then
                ((i++))
            fi
        else
            ((npos++))
        fi
    done

    if ((!options_done)) && [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags $offered" -- "$cur"))
        return 0
    fi
    case $positional:$npos in
        files:* | db:0 | db+query:0)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    esac
    return 0
}

complete -F _saywho saywho
