# zsh -f zsh-tab.zsh fpath|source SCRIPT OUT WORDS...
#
# Presses Tab in a real interactive zsh, as CompletionZshIT needs it: starts `zsh -f -i` (no rc files) on a
# pseudo-terminal (the zsh/zpty module), installs the completion SCRIPT the way `hlm completion --help` says
# (fpath: SCRIPT is _hlm in a directory put on $fpath before compinit; source: compinit, then `source SCRIPT`),
# types WORDS joined by spaces and a Tab, and writes to OUT every candidate the completion system was given,
# one per line, then a line END. Exits 1 if the Tab did not finish within 10 s.
zmodload zsh/zpty || exit 3
mode=$1 script=$2 out=$3
shift 3
: >$out
zpty -b shell zsh -f -i
zpty -w shell "PS1=''; PS2=''; unsetopt beep"
if [[ $mode == fpath ]]; then
  zpty -w shell "fpath=(${(q)script:h} \$fpath); autoload -U compinit; compinit -u -D"
else
  zpty -w shell "autoload -U compinit; compinit -u -D; source ${(q)script}"
fi
zpty -w shell "bindkey '^I' complete-word"
# Every candidate reaches compadd: record it (-A keeps the ones that match the word), then add it as usual.
zpty -w shell "compadd() { local -a got; builtin compadd -A got \"\$@\"; print -rl -- \$got >>${(q)out}; builtin compadd \"\$@\"; }"
zpty -w shell "_tab_done() { print -r -- END >>${(q)out}; }; comppostfuncs=(_tab_done)"
zpty -w -n shell "${(j: :)@}"$'\t'
for i in {1..100}; do
  grep -qx END $out 2>/dev/null && break
  while zpty -r -t shell chunk 2>/dev/null; do :; done   # keep the terminal's buffer from filling
  sleep 0.1
done
zpty -d shell
grep -qx END $out
