/**
 * Words that carry no meaning for search, in Indonesian and English, folded (lower case, no
 * diacritics). One list for both languages: queries and passages come in either, and the
 * two lists barely collide. Question words are here too, because students ask questions.
 *
 * Ours rather than an npm list: `stopword` and `stopwords-iso` share a 750-word Indonesian list
 * that drops words questions are made of (tahun, tinggi, jauh, dekat, umum, masalah, tiga, kata),
 * and `stopwords-iso`'s English list drops world, state, group, year. On the labelled sets they
 * scored the same as this list (those words are not asked about there), so what decided is
 * what they would drop.
 */

const INDONESIAN = `
ada adakah adalah adanya agak agar akan akankah akhirnya aku akulah amat anda andalah antar
antara apa apakah apabila apalagi atas atau ataukah ataupun bagai bagaimana bagaimanakah
bagi bahkan bahwa bahwasanya banyak beberapa begini begitu begitupun belum berapa
betapa bila bilamana bisa boleh bukan bukankah bukanlah cuma dalam dan dapat dari daripada
dong demi demikian dengan di dia dialah diri dirinya dulu engkau hal hampir hanya hanyalah
harus hingga ia ialah ini inikah inilah itu itukah itulah jadi jangan janganlah jika
jikalau juga justru kalau kami kamilah kamu kamulah kan kapan kapankah karena karenanya
kau ke kecuali kemudian kenapa kepada kepadanya ketika kini kita kitalah lagi lah lain
lainnya lalu maka mana manakah masih masing mau melainkan mengapa mereka merekalah meski
meskipun mungkin namun nanti nya oleh pada padahal para pernah pula pun saat saja sambil
sampai sang sangat saya sayalah se sebab sebagai sebelum sebelumnya sedang sedangkan sejak
selain seluruh semua semuanya sendiri seperti sering serta setelah setiap siapa siapakah
sini situ sudah supaya tak tanpa tapi telah tentang tentu tersebut tetapi tiap tidak
toh untuk walau walaupun yaitu yakni yang
`;

const ENGLISH = `
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either few
for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon
us very was we were what when where which while who whom whose why will with would you your
yours yourself yourselves
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${INDONESIAN} ${ENGLISH}`.split(/\s+/).filter((word) => word !== ''));
