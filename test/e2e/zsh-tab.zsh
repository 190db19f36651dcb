# zsh -f zsh-tab.zsh LINE: types LINE into an interactive zsh (set up by zsh-tab-init.zsh next to this file), presses
# Tab, and prints the matches compsys offered, one a line. Exit 3: no zsh/zpty module; 4: the shell ended early.
zmodload zsh/zpty || exit 3
zpty tab zsh -f -i
zpty -w tab "source ${(q)${0:A:h}}/zsh-tab-init.zsh"
local line on=0
while zpty -r tab line; do [[ $line == *'<<ready>>'* ]] && break; done
zpty -w -n tab "$1"$'\t'
while zpty -r tab line; do
  line=${${line//$'\r'/}%$'\n'}
  if [[ $line == *'<</matches>>'* ]]; then zpty -d tab; exit 0; fi
  if (( on )); then print -r -- $line; else print -ru2 -- $line; fi
  [[ $line == *'<<matches>>'* ]] && on=1
done
exit 4
