# Sourced by the interactive zsh that test/e2e/zsh-tab.zsh starts in a pty: the user's setup lines, then compsys
# reporting the matches of one Tab press between markers, and exiting.
PS1='' PS2='' RPS1=''
unsetopt beep
# The lines a user puts in ~/.zshrc (compinit, and the script on $fpath or sourced), given by the test.
eval "$AUTH0_SCAN_ZSH_SETUP"
bindkey '^I' complete-word
compprefuncs=(__tab_begin)
comppostfuncs=(__tab_end)
__tab_begin() { print -r -- '<<matches>>' }
__tab_end() { print -r -- '<</matches>>'; exit }
# compadd as compsys calls it, printing what it adds: the builtin's -O gives the matches after prefix filtering.
compadd() {
  # Calls that collect into arrays (-O/-A/-D) are compsys' own bookkeeping: passed through unprinted.
  if [[ ${@[1,(i)--]} == *-[OAD]* ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -O __hits "$@"
  (( $#__hits )) && print -rl -- $__hits
  builtin compadd "$@"
}
print -r -- '<<ready>>'
