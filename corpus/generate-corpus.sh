#!/usr/bin/env bash
# Generates the telephone-quality answer corpus under src/main/resources/corpus/ and its manifest.tsv
# (the format of docs/speech-corpus.md, which `epicall bench speech --corpus DIR` reads).
#
# Needs the Debian packages espeak-ng and sox (apt-get install espeak-ng sox). The generated files are
# committed, so the build never runs this; rerun it only to change the corpus. Output is repeatable:
# voices, speeds and pitches cycle deterministically and sox runs with -R (repeatable noise).
#
# Every answer is spoken in several variants (espeak-ng voice variant, speed in words per minute,
# pitch 0-99), padded with 0.3 s of silence, band-limited to the telephone band 300-3400 Hz,
# resampled to 8 kHz 16-bit mono, and every third variant gets white noise at about 20 dB SNR.
set -euo pipefail
cd "$(dirname "$0")"
out=src/main/resources/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out/ko" "$out/en"
manifest="$out/manifest.tsv"
printf 'file\tlanguage\tquestion\treference_transcript\tanswer_kind\texpected\tvoice\tspeed\tpitch\tnoise\tlicence\tsource\n' > "$manifest"
# The kind of answer each question takes; "nomatch" clips are of kind other, with no expected value.
declare -A kinds=([consent]=yes_no [travel]=yes_no [contact]=yes_no [fever]=yes_no [followup_call]=yes_no
                  [temperature]=number [travel_country]=country [symptoms]=choice)

ko_voices=(ko ko+m3 ko+f2 ko+m1 ko+f4)
en_voices=(en-us en-us+m3 en-gb+f2 en-us+m1 en-us+f4)
speeds=(130 150 170 140 160)
pitches=(50 35 65 45 58)

n=0
clip() { # language question expected text variants
  local lang=$1 question=$2 expected=$3 text=$4 variants=$5 v voice speed pitch noise name
  local -n voices="${lang}_voices"
  for ((v = 0; v < variants; v++)); do
    voice=${voices[$(( (n + v) % ${#voices[@]} ))]}
    speed=${speeds[$(( (n + 2 * v) % ${#speeds[@]} ))]}
    pitch=${pitches[$(( (n + 3 * v) % ${#pitches[@]} ))]}
    noise=$(( (n + v) % 3 == 2 ))
    name=$(printf '%s/%s-%03d.wav' "$lang" "$question" "$n")
    espeak-ng -v "$voice" -s "$speed" -p "$pitch" -w "$work/tts.wav" "$text"
    sox -R "$work/tts.wav" -r 8000 -b 16 -c 1 -e signed-integer "$work/clean.wav" \
        sinc 300-3400 gain -n -3 pad 0.3 0.3
    if [ "$noise" = 1 ]; then
      sox -R "$work/clean.wav" -p synth whitenoise vol 0.02 sinc 300-3400 \
        | sox -R -m "$work/clean.wav" - -b 16 "$out/$name"
    else
      cp "$work/clean.wav" "$out/$name"
    fi
    local kind=${kinds[$question]} value=$expected
    if [ "$expected" = nomatch ]; then kind=other value=; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$lang" "$question" "$text" "$kind" "$value" \
      "$voice" "$speed" "$pitch" "$noise" "synthetic (no third-party recording)" "corpus/generate-corpus.sh: espeak-ng then sox" >> "$manifest"
    n=$((n + 1))
  done
}

# --- Korean -----------------------------------------------------------------------------------
# expected: yes / no for yes_no, the number for number, option ids for choice, the text for
# free_text, and nomatch for what must never become an answer.
while IFS='|' read -r q expected text variants; do
  [ -z "$q" ] || [ "${q:0:1}" = "#" ] && continue
  clip ko "$q" "$expected" "$text" "$variants"
done <<'KO'
consent|yes|네|4
consent|yes|예|3
consent|yes|네 좋아요|2
consent|no|아니요|4
consent|no|아니요 괜찮습니다|2
travel|no|아니요 없어요|4
travel|yes|네 있어요|3
travel|yes|네 다녀왔어요|2
travel|no|안 갔어요|2
travel_country|china|중국|2
travel_country|japan|일본이요|2
travel_country|usa|미국|2
contact|no|아니요|3
contact|no|없어요|3
contact|yes|네 있어요|3
fever|yes|네|3
fever|no|아니요 없어요|3
fever|yes|열이 나요|2
temperature|37.5|삼십칠 점 오 도|4
temperature|36.5|삼십육 점 오|3
temperature|38|삼십팔 도|3
temperature|37.2|삼십칠 점 이 도|3
temperature|39.1|삼십구 점 일|3
temperature|36.8|삼십육 점 팔 도|3
symptoms|cough|기침|2
symptoms|sore_throat|목이 아파요|2
symptoms|none|없어요|2
symptoms|taste_smell_loss|냄새를 못 맡아요|2
followup_call|yes|네 괜찮아요|3
followup_call|no|아니요|3
consent|nomatch|여보세요 누구세요|2
fever|nomatch|뭐라고요|2
temperature|nomatch|잘 모르겠어요|2
travel|nomatch|지금 바빠요 나중에 전화하세요|2
KO

# --- English ----------------------------------------------------------------------------------
while IFS='|' read -r q expected text variants; do
  [ -z "$q" ] || [ "${q:0:1}" = "#" ] && continue
  clip en "$q" "$expected" "$text" "$variants"
done <<'EN'
consent|yes|yes|2
consent|yes|yes that's fine|2
consent|no|no|2
travel|no|no I haven't|2
travel|yes|yes I have|2
travel_country|china|china|1
contact|no|no|2
fever|yes|yes|2
fever|no|no fever|2
temperature|37.5|thirty seven point five|2
temperature|36.6|thirty six point six degrees|2
temperature|38|thirty eight|2
symptoms|cough|a cough|2
symptoms|sore_throat|sore throat|2
followup_call|yes|sure|2
consent|nomatch|hello who is calling|2
EN

echo "wrote $n clips, $(du -sh "$out" | cut -f1) in $out" >&2
