//! Transliteration table tests through the public API: the official Bulgarian system
//! (Закон за транслитерацията, 2009), as used for English addresses and slugs.

use kartoteka::model::translit::{slugify, transliterate};

#[test]
fn official_system_table() {
    let table = [
        ("България", "Bulgaria"),
        ("Щастие", "Shtastie"),
        ("Център", "Tsentar"),
        ("София", "Sofia"),
        ("Русе", "Ruse"),
        ("Жълтуша", "Zhaltusha"),
        ("Юнаци", "Yunatsi"),
        ("Ямбол", "Yambol"),
        ("Чепеларе", "Chepelare"),
        ("Шипка", "Shipka"),
        ("Хасково", "Haskovo"),
        ("Гьоте", "Gyote"),
        ("Йовков", "Yovkov"),
        ("ул. „Цар Освободител“ 12", "ul. „Tsar Osvoboditel“ 12"),
        ("бул. „България“ 5", "bul. „Bulgaria“ 5"),
        ("ЦЕНТЪР", "TSENTAR"),
        ("Дом за стари хора", "Dom za stari hora"),
    ];
    for (cyrillic, latin) in table {
        assert_eq!(transliterate(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn slugs_are_transliterated_ascii() {
    assert_eq!(slugify("Как да получите помощ"), "kak-da-poluchite-pomosht");
    assert_eq!(slugify("Център „Щастие“"), "tsentar-shtastie");
}
