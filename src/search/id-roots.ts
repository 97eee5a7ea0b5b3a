/**
 * Indonesian root words for the stemmer: common vocabulary plus news vocabulary (politics,
 * war, diplomacy, economy, disasters, law). Compiled by hand on purpose. A full KBBI list
 * (about 30,000 words) holds rare roots such as `pasu`, `embak` and `olak`, which are why
 * dictionary stemmers turn "pasukan" into "pasu" and "menembak" into "embak". Every root
 * here is a word a news reader knows.
 *
 * A few derived words are roots here because they are words of their own: `pasukan`,
 * `tentara`, `pemilu`, `wartawan`. Never add a derived word whose root should be found
 * (`pemerintah`, `penduduk`, `pemimpin`): words in this list are never stemmed further.
 * Tests check this list against `tests/fixtures/search/id-stems.tsv`.
 */

const GROUPS: readonly string[] = [
  // Everyday verbs
  `ada adu ajak ajar bisa akhir aku alih alir ambil ampun anggap angkat angkut antar
  anjur antre arah atur awas ayun bagi bahas baca bakar balas balik banding bangkit
  bangun bantah bantu bawa bayar beda bekal bela beli belok bentuk beri berangkat
  bicara bidik bilang bina bongkar buang buat bubar buka bukti bunuh buru cabut cakup campur
  capai cari catat cegah cek cerai cerita cetak cinta cipta coba cium cukur curi daftar
  dakwa damping dapat datang dekat dengar desak diam didik dobrak dorong duduk dukung
  duga edar gabung gagal gambar ganggu ganti garap gelar gelincir gembira gerak gertak gesek
  gugat gugur guna gusur hadang hadap hadiah hadir hambat hancur hantam hapus harap hasil
  hemat henti hibur hidang hidup hilang himpun hindar hirup hitung hormat hubung hukum hunjam
  ikat ikut ilham imbau ingat ingin ingkar injak intai isi isolasi izin jabat jadi jaga jalan
  jalin jamin jangkau janji jaring jatuh jawab jelajah jelas jemput jenguk jual juang jumpa
  kabur kaget kait kaji kalah kandung karang kata kawal kecam kecewa kejar kelola keluh
  kembali kembang kena kenal kenang kepung kerah kerja kirim kritik kuasa kubur
  kukuh kumpul kunci kunjung kupas kurang kurung labuh lacak lahir laksana laku lalu lamar
  lambat lampau langgar langkah lanjut lantik lapor larang lari latih lawan layan lempar lepas
  letak lewat libat lihat lindung lintas lipat lontar luang lucut luka lupa luput
  main maju makan maki maksud malu mampu mangkir masuk mati minta mohon mulai muncul muat
  mundur musnah nikah nikmat nilai nyala nyanyi nyata obral olah omong ongkos pakai paksa
  pamer pancing pandang pandu panggil pangkas pantau pasang pasok patuh pecah pecat pegang
  peluk pelihara peras pergi periksa perintah perkosa pesan pikir pikat pilih
  pimpin pindah pinjam pintas potong puji pukul pulang pulih puncak punya pupus putar putus
  raih rakit rampas rampung rancang rangkul rasa rata rawat raya rebut redam rekam
  rekrut renung rencana rendam resap reda rilis rintis robek rombak rugi runding runtuh
  rusak sadar sahut saksi salur sambung sambut sampai sandang sangka sangkal santap saring
  sasar satu sebar sebut sedia sekat selamat selesai selidik selip sembunyi sempat semprot
  sentuh sepakat serah serang serap serbu sesal sewa siap siar sidang sikat simpan simpul
  sindir singgah singkir sisir sita sorot suap sulut sumbang sumpah sunting surut
  susul susun tabrak tagih tahan tahu takut tambah tampil tampung tanam tanda tandatangan
  tangan tangguh tangkap tanggung tangis tanya tarik tatap tawan tawar tegur tekan
  tembak tempuh temu tendang tentang terap terbang terbit terima terjun terkam terus
  tetap tiba timbang timbul timpa tinggal tinjau tipu titip tolak tolong tonton tuding
  tuduh tugas tuju tukar tulis tumbang tumbuh tumpah tunda tunggu tunjuk tunjang tuntas
  tuntut turun turut tusuk tutup ubah ucap uji ukur ulang umbar umum umpan ungkap ungsi
  unjuk untung unggah unggul upaya urai urus usai usir usul usung utang utus wajib
  waris wujud`,

  // Everyday nouns
  `abad acara adat agama air akal akar akibat akun alam alamat alas alat alis alun anak
  angin anggota angka angkasa anjing antara apel api arah arak arena arsip arti
  asal asap asing asrama atap atas awak awal ayah badan bahan bahasa bahu baju bakat
  balai bandar bangku bank bapak barang barat baris batu bayang bayi bekas benda bendera
  benih benua beras berita berkas betina biaya bidang bilik binatang bintang biro bisnis
  blok bocah bola bom botol buah budaya bukit buku bulan bumi bunga buruh bus cabang cahaya
  cakrawala calon cara catur cuaca dada daerah dagang daging dalang dapur darah darat dasar
  data daun dekade delegasi desa dewa dewan dinas dinding diri dokter dokumen dompet dosen
  dunia emas fakta foto fungsi gambar garam garis gaya gedung gelas gelombang gereja gigi
  gudang gula gunung guru halaman hari harta hati hewan hujan hulu hutan ibu ide ikan ilmu
  insan istana istri jagung jalur jam jantung jari jasa jejak jembatan jenazah
  jendela jenis jiwa jurnal kabar kabut kaca kain kakak kaki kalender kamar kamera kamp
  kampung kampus kantor kapal kartu kasus kawan kawasan kayu kebun kelas kelompok keluarga
  kendara kepala kerabat keris kertas kitab kolam kolom komputer konteks kontrak kopi kota
  kuasa kubu kuda kulit kunci kursi laga lahan laki lalu lampu langit lantai lapis
  laut layar lembaga lembar lengan lidah lingkar lintang listrik lokasi lorong lubang luar
  lumbung lumpur mahasiswa makam makna malam manusia markas masa masjid mata materi media
  meja menit merek mesin meter mimpi minggu minyak misi mobil model modal momen motor muka
  mulut murid musim musuh nafas nama napas nasib negara negeri nenek nilai nomor nyawa obat
  orang otak pabrik padang pagar pagi pahlawan paman panggung pangkal pantai paru
  pasal pasar pasukan peluru penjara perahu peran perempuan pesawat pesta peta pihak
  pintu pipa pohon pola polisi posisi pria program proyek pulau puluh pusat putra
  putri rabu radio rakyat ranah rantai rapat ratu regu rekan remaja rencana riwayat roda
  rokok ruang rumah rumput rupa sahabat saham saksi sapi satwa sawah sayap sebab segi
  sejarah sekolah sektor selat semangat senapan seni senjata serikat sejak siang
  sikap simbol sinyal sisi siswa situs sopir sore status stasiun suami suara suasana sudut
  suku sumber sumur sungai surat susu syarat tabel tahun tajuk taktik taman tamu tanah tangga
  tanggal tangki tapal target teater teknik teknologi teks telepon teman tembok tempat
  tenaga tengah tenda tentara teori tepi tiang tim tinta tokoh toko topik tradisi truk tua
  tubuh tugu tulang tunas ujung umat unit upacara usia wacana wadah
  wajah waktu wakil wali wanita warga warna warta wartawan warung wilayah wisata yayasan`,

  // Adjectives and adverbs
  `abadi adil agung ajaib aktif akurat alami aman amat ampuh anggun aneh asli awet bagus
  baik bahagia bangga banyak baru basah batal bebas becek beku benar berani berat bersih
  besar biasa bijak bingung bisu bodoh bulat buntu buruk buta cacat cemas cepat cerah cermat
  curang cukup dalam damai darurat datar dingin dini dungu efektif gagah gaib ganas ganda
  gelap genap gigih gila gratis gugup halus hangat hebat hening heran hijau hitam
  hormat ikhlas indah jahat jarang jauh jelek jernih jujur kacau kaku kasar kaya kebal keji
  kejam kekal kecil kental keras kering ketat khas khawatir khusus kokoh kompak kosong kotor
  kritis kuat kuning kurus labil lajang lama lambat lancar langka langsung lapang lapar
  layak lebat legal lemah lembut lengkap lentur liar licin lincah lingkup logis longgar
  luas lugas lumpuh lunak lurus mahal malang mandiri manis mantan marah masif matang mati
  megah merah merdeka mesra miring miskin mogok muda mudah mulia murah murni mutlak
  nakal netral normal nyaman nyaring nyata optimis padat pahit paksa palsu panas pandai
  panik panjang parah pasif pasti patuh pekat pelik pendek penting penuh percaya perlu
  pesat pintar polos positif pucat puas pulas pulih punah rahasia ramah ramai rapi rawan
  rendah resmi riang ringan rumit rutin sadis sah sakit sakral salah sama sabar santai
  sedih segar sehat sejahtera sejuk sekarang sembuh sempit semu senang sengit sepi serak
  serius setia sibuk siaga sigap singkat sipil sombong stabil sulit suci sukses sunyi sah
  tabah tajam takut tamak tampan tangguh tegang tegas teguh tekun tenang tepat terang
  tertib tinggi tipis tua tuli tulus tumpul tunggal ulet umum unik untung
  utama utuh wajar waras wajib waspada`,

  // Politics, government and law
  `adil administrasi advokat agenda akuntabilitas aliansi amandemen anarki angket anggar
  aparat aspirasi badan bakal banding birokrasi bupati calon camat daulat debat
  dekret delegasi demokrasi demonstrasi demo desentralisasi dewan diktator diskriminasi
  dukung eksekutif eksekusi ekstremis elektabilitas elite fraksi gubernur hak hakim hukum
  ideologi imigrasi imunitas independen integritas interpelasi isu jaksa jabat janji kabinet
  kader kampanye kandidat kanselir ketua koalisi komisi komisioner
  konferensi kongres konstitusi konsul konsulat koruptor korupsi kota kuorum kudeta lantik
  legislatif legitimasi lobi lurah mahkamah majelis mandat manifesto mayoritas menteri
  minoritas monarki nasional nasionalis oligarki oposisi otonomi otoritas otoriter pakta
  parlemen partai paripurna pemilu perdana petisi pidana pilkada piagam polemik politik
  politikus populis presiden propaganda protes provinsi publik radikal raja rakyat
  ratifikasi referendum reformasi regulasi rekonsiliasi rektor republik revisi revolusi
  rezim sah sanksi sekretaris senat sengketa separatis sidang sipil skandal sosialis
  suap sogok subversi suksesi survei syariah tahta takhta tata tiran tuntut undang vonis
  veto walikota yudikatif`,

  // War, security and conflict
  `agresi amunisi ancam aniaya antek armada artileri bajak bantai barikade bela benteng
  blokade bom bombardir brigade bunker culik detasemen divisi drone duel eskalasi evakuasi
  front garda garnisun genosida gerilya granat gugus helikopter infanteri insiden intel
  intelijen interogasi intimidasi invasi jenderal jet kapten kavaleri kepung kolonel
  komandan komando kombatan kompi konflik kontingen konvoi kopral korps kubu laskar letnan
  ledak markas marinir mayor meriam militan militer milisi mortir mobilisasi
  okupasi operasi panglima parit patroli peleton perang peluru pistol
  prajurit provokasi radar ranjau rebut relawan resimen roket rudal sabotase sandera
  satelit sekutu senapan sergap serbu sersan siaga skuadron tank teror teroris tempur
  tentara tewas tikam tumpas veteran zona`,

  // Diplomacy and international relations
  `aneksasi bilateral blok caplok delegasi deklarasi diplomasi diplomat diplomatik
  duta embargo enklave global integrasi internasional klaim komunike konsensus
  konvensi koridor kunjung mediasi mediator misi multilateral negosiasi
  normalisasi pakta piagam protokol regional resolusi rival sekutu sengketa
  suaka traktat ultimatum utus visa wilayah`,

  // Economy, business and work
  `aset bangkrut barter bea beban belanja bisnis bonus bunga buruh cadang cicil cukai
  defisit deflasi devisa dividen dolar ekonomi ekspansi ekspor emiten energi euro fiskal
  gaji gandum harga hemat hutang impor industri inflasi infrastruktur investasi investor
  jual karyawan kas koperasi kredit krisis kurs laba lelang likuiditas logistik moneter
  nelayan neraca nikel niaga nominal obligasi omzet pabrik pajak pangan pasok
  perak persen pinjam produk produksi rekening resesi retail rupiah saham sawit sektor
  sewa stok subsidi surplus swasta tabung tambang tani tarif tender tenaga tunai
  upah usaha utang valuta batubara baja besi bensin solar gas listrik minyak beras jagung
  kedelai garam gula kopi teh karet kakao cengkih tembakau juta miliar triliun ribu ratus
  rupiah dagang ekspedisi ongkos transaksi nasabah bank modal dana anggar biaya`,

  // Disasters, weather and environment
  `abu angin asap badai banjir bencana bendung cuaca debu erosi gempa genang gersang gunung
  hanyut hujan iklim kabut kemarau kering lahar lava letus limbah
  longsor lumpur magma musibah ombak pasang polusi puting rob
  sampah sedimen siklon suhu surut tanggul tebing topan tsunami waduk`,

  // Health, society, education, religion
  `agama anak bayi budaya dokter gereja gizi guru haji ibadah imam imun infeksi
  jemaah klinik kuliah kurikulum lansia masjid medis murid obat pandemi pasien
  pendeta pura rumah sakit sekolah siswa sosial suster tabib ulama umat
  universitas vaksin virus wabah wihara yatim`,

  // Time, quantity, direction
  `abad akhir awal bulan dekade detik esok hari jam kemarin kini lalu lusa malam menit minggu
  musim pagi pekan petang saat sebentar segera selalu senja siang sore tahun tengah
  waktu barat timur utara selatan kanan kiri atas bawah depan belakang dalam luar samping
  seberang sekitar pinggir ujung pusat satu dua tiga empat lima enam tujuh delapan sembilan
  belas puluh ratus ribu juta banyak sedikit semua seluruh`,

  // Words that start like a prefix but are roots (checked before any prefix is stripped)
  `bekal bela belah belakang belanja belas beli benar bencana benci benda bendera bengkak
  bentrok bentuk benua berat beras berani berantas berdikari berhala beri berita berkat
  berontak bersih besar besi betul dekat dengar depan deras desa desak detik dian dinas
  dingin dini dinding direktur disiplin diskusi dosa kebal kebun kecam kecil kejam kejar
  kekal kelas keluarga keluh kemah kembali kemudi kena kenal kendali kendara kental kepala
  kepung kera kerabat kerah keras kereta keris kering kertas ketat ketua medan
  media meja menang mental menteri merah merdeka mesin meter metode mewah pecah pedang
  pedas pegawai pegang pekan pekat peluk peluru pena pendek penjara pentas penting
  penuh peran perang perdana perempuan pergi peri perintah periksa perlu persis pertama pesan
  pesat pesawat pesta peta petak petang petik sebar sebut sedang sedia segar segel segera
  sehat sejahtera sejarah sejuk sekat sekolah sekutu selamat selatan selesai selidik semangat
  sempit senang senapan senat seni senjata sepakat sepi serah serang serbu serikat sering
  serius sesal setia tekan tembak tempat tempur tenaga tenang tengah tentang
  tentara tepat terang terbang terima terjun teror ternak tertib terus teruna`,

  // More common roots met in news text
  `absen adopsi agresif ahli ajang akademi akses aksi akta aktivis aktor aktual
  alergi algoritma amal amanah ambang ambisi ambruk analisis ancang andal anggun
  anjlok antisipasi antusias apresiasi area argumen arsitek artis asa asisten asosiasi
  asuransi atlet audit awan bahaya bakteri balap balita bandara bantal barak basis bata
  batang baterai bayar bebat bedah bidan bilah bina bioskop
  biru bocor bohong bolong borong bos brosur budi bulu bunyi buron butir cair
  cakap candu cap capres cat celah cemar cendekia cerdas cibir cita coret cuaca cuci cuti
  dampak dana dangkal darma debit dedikasi definisi demam dengung denda derajat deret
  desain destinasi detail dialog digital dimensi dinamika direksi distribusi doa dominan
  donasi dosen drama edukasi efek efisien ejek ekologi eksis eksklusif ekspedisi eksploitasi
  ekstra elemen elite emosi era etika etnis evaluasi faktor fasilitas festival figur
  film filsafat final fisik fokus forum fosil fraksi frekuensi gadai gairah galang gali
  gandeng ganjal gaung gawat gelar gema generasi genting geser gilir giring golong gores
  gotong gulir gulung guncang hadang hajat hak halang hama hambar hampar harap harmoni
  hasrat hati hayat hembus hibah hikmah hiruk histori horor hotel hubung huni
  ideal identitas ikrar ilegal imbas imbang impi indikasi inflasi informasi
  inisiatif inovasi inspeksi instansi instruksi intens interaksi investigasi irama isyarat
  jadwal jangka jargon jasad jatah jaya jeda jenius jerat jeruji jurang juri juru
  kabinet kadar kala kalang kalimat kampanye kanal kandang kapasitas karakter karier karya
  kasih kasta kategori kaum kawin kelamin kelana kelahi kelir kelok kembar
  kemeja kenyang kepak keranjang kerangka kerap kesan khalayak
  khidmat khotbah kibar kilat kilometer kira kisah klarifikasi klasik klub koordinasi
  kode koleksi kolektif komentar komersial komitmen komoditas komunikasi komunitas
  kondisi konferensi konsep konsisten konsolidasi konstruksi konsumsi kontak kontrol
  kontroversi koran korban koreksi kosmetik kreasi kriminal kriteria kronologi kualitas
  kuantitas kubu kuliah kultur kuota kurir label lahap lajur laknat lakon landas
  lapak lapis laras latar lazim legenda lembab lengah lensa lepau literasi
  logam logo lokal lomba lonjak luap lulus lumbung lunas makalah makmur maklumat maksimal
  mal mampir manfaat manuver marga martabat masak masalah massa materi mediasi mekanisme
  memori mental metropolitan minimal misal mitra mobil modern modus moral motif motivasi
  muara mufakat mula mungkin museum musik mutu nafkah naif naik nalar narasi narkoba nasehat
  nasihat nekat nestapa nikmat nisan norma nuansa nutrisi objek oknum operasi opini optimal
  orientasi orisinal otomatis padam padu paket paling panen panitia panorama
  papar paradigma paru paspor pasrah patok patroli pejal peleton pelik
  pengaruh perisai persepsi persona pertiwi pidato pijak pikul pilar piket pindai pinggir
  pionir plafon platform polemik porak porsi portal potensi praktik prediksi prestasi
  prinsip prioritas privasi probabilitas proses prosedur proses prospek prostitusi protokol
  provokasi psikologi pungut punggung pupuk puncak pusaka radiasi ragam ragu rakus ramal
  rambu rancang rangka rangkai rantau rapuh rasio rawa rayap realitas redaksi refleksi
  rehabilitasi rekayasa rekomendasi rekor relevan relokasi renovasi rentan reputasi
  reservasi respons restoran revisi ribut risiko rohani ronda rotasi ruas rugi rumus rusuh
  sabda sadap sajak sakti salju sambal sampel sanggup sangsi santun saran sarana
  satgas sejahtera sekuler seleksi sembako semen sengsara sensitif sentimen
  sentral siklus silang simulasi sinergi sistem situasi skala skema skenario solusi sorak
  spanduk spekulasi spesial spontan sportif standar statistik stigma strategi struktur
  studi substansi sukarela sulap sumbangsih sungguh survei susah syukur tabiat tabrak
  tadah tagar takdir takluk taksir takwa talenta tambak tameng tanding tandus tanggap
  tangkis tapak taraf taruh tata tayang teduh tegak teknis tekstil
  telaah telusur teladan tema tempo tenggat tenggelam tentu terobos terpa tetas tiket
  tilang timbun tindak tindas tingkat tinju tipe titik toleransi total tradisional trauma
  tren tribun trik tuah tuan tubruk tumpang tunai tunggak turis tutur ujar ulah ulas
  ulet ulur umbi unggul unsur urgensi urut usul utama utara vakum validasi varian versi
  via video vital volume wabah wahana wakaf wangi wasiat wewenang wibawa wirausaha
  wujud yakin zaman zat`,

  // More verbs, nouns and news words
  `abai abdi acak acu adik agak akrab alur amanat aneka angan angguk anugerah apung
  arus asah asas asuh aju bacok bagai bait bajak balok bangsa bangkai banting basmi
  batin bau bayang bedil belati beliung benam bentang bentur beres besuk betah biar bimbing
  bincang bisik bius blokir bobol bosan bujuk buntut buyar belum cabik cantum cebur cegat
  cekal celaka cemooh cerca cicip ciduk colok comot copot corak curah curiga dahulu daki
  dekap dendam derita dikte duka dulu durasi ejek ekor emban endap enggan erat gali galak
  ganyang gebrak gelisah gempur gencar gerebek gesa gigit gilas goda golak gores guling
  guncang gunting guyur hajar hampir hantar hasut hela himpit hina hisap hujat hunus
  ibarat idap ikhtiar incar inti intip iring isak istirahat jajah jajak jalar jarah jegal
  jerit kabul kagum kandas karam kecoh kejut kekang kemas kikis kobar kucil kutip kutuk
  labrak landa lantas lantun lebur leluasa lenyap lerai lilit lindas liput lolos lompat
  luncur luntur maaf mabuk mahir maklum mangsa melek milik minat minum mirip mudik murka
  musyawarah mutasi nanti nobat oper pacu pancar pantul paham patah pejam pekik pendam
  pergok picu pisah rajut rampok rangkum rangsang rekat remuk renggut rentang resah restu
  rintang roboh rongrong sabet saji salin sambar sandar sarung seberang sedot sekap
  selinap selubung sembelih sengaja sepak seret seru sidak sidik simak simpang singgung
  singkap sisa sisih sisip sodor sokong subur suguh sumbat sungkan suntik susup tabuh tabur
  takar tambal tampak tampar tandang tangkal tebak tebang tebar tebus tekuk telan telantar
  teliti tempa tempel tepis terjang terka tonjol topang tuang tuntun ukir umpat undur usik
  usut saing hasrat wenang lawat paruh puluh henti buka padu putus letus tunjang tagih rawat
  adu anak bagi aparatur bangsawan caleg cawapres demonstran diaspora dinasti dakwah elektoral
  etnik faksi fatwa golong hegemoni hierarki imperialisme inaugurasi inkumben kasasi komunis
  konspirasi konstituen kontestasi legislator loyal makar manipulasi marjinal mosi
  narapidana nepotisme ormas parpol petahana plebisit polarisasi poros praperadilan
  provokator segregasi sekjen senator teknokrat tirani tribunal nuklir misil torpedo serdadu
  mesiu selam dentum bentrok komplot zirah taktis hulu ekstradisi imigran kedubes
  konsuler kooperatif negosiator repatriasi solidaritas agraria akuisisi bursa deposito
  diskon ekuitas gadai grosir insentif kapital kartel kolaps konglomerat korporasi lisensi
  manufaktur merger monopoli pailit pangsa piutang premi privatisasi properti stimulus
  waralaba abrasi amblas bandang likuefaksi magnitudo mitigasi retak sirene tornado
  vulkanik perdata jurnalis jurnalisme pers majalah wawancara siar tayang raja ratu warta
  kabupaten camat provinsi dusun kampung mukim huni pindah migrasi transmigrasi
  jumlah rata tingkat naik turun merosot anjlok lonjak tumbang capai
  target realisasi proyeksi estimasi kira ramal prediksi`,

  // Roots that derived news words need (menduduki -> duduk, kemenangan -> menang, ...)
  `daya aman arah bantu batas bentuk bicara buntu campur dasar daulat duduk gagal gencat guna
  hindar ingat izin jamin kait kalah kata kembang kuasa lawan makan masuk menang merdeka
  negara nyata peduli perang perintah pimpin pulih runding sabar selamat senjata sepakat
  serang tanya tarik tegas telepon tembak tempur tolak tunjuk ungsi utuh damai akhir`,
];

/** The root dictionary. */
export const INDONESIAN_ROOTS: ReadonlySet<string> = new Set(
  GROUPS.join(' ')
    .split(/\s+/)
    .filter((word) => word !== ''),
);
