# Built-in English UI strings of the default theme. A site's i18n/en.ftl may override any of them.

other-language = Български
skip-link = Skip to content
menu-label = Main menu
menu-button = Menu
menu-az = All services, A to Z
home = Home
untranslated = not yet translated
untranslated-body = This text has not been translated into English yet; here it is in Bulgarian.
transliterated = transliterated

## Search
search-label = Search for a service
search-placeholder = e.g. day centre, elderly, Ruse
search-button = Search
search-title = Search
search-noscript = Search on this page needs JavaScript, which this browser does not run. Every service is in the A to Z list and in the sections below.
search-browse = Or browse:
# The words of search.js (shipped in manifest.json): { $q } is the query, { $n } a number.
search-results-one = result for “{ $q }”.
search-results-many = results for “{ $q }”.
search-partial = No page has every word; the closest are shown.
search-did-you-mean = Did you mean:
search-other-language = “{ $q }” is found in the Bulgarian version:
search-other-language-link = search in Bulgarian ({ $n })
search-filters = Filters
search-any = All
search-nearest = Nearest to me
search-nearest-help = Your location stays in your browser and is sent nowhere.
search-nearest-failed = Your location is not available.
search-km = { $n } km
search-more = Show more
search-loading = Searching…
search-error = Search could not be loaded.

## Counts (Fluent plural rules)
services-count = { $count ->
    [one] 1 service
   *[other] { $count } services
}
providers-count = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
}
partnerships-count = { $count ->
    [one] 1 partnership
   *[other] { $count } partnerships
}
places-count = { $count ->
    [one] 1 place
   *[other] { $count } places
}
units-count = { $count ->
    [one] 1 facility
   *[other] { $count } separate facilities
}

## Home
home-counts = The directory lists { $services ->
    [one] 1 service
   *[other] { $services } services
} ({ $units ->
    [one] 1 facility
   *[other] { $units } facilities
}) run by { $providers ->
    [one] 1 organisation
   *[other] { $providers } organisations
}.
home-about = About this directory
home-browse = Find help by need
home-more = More
feed-title = what's new
feed-link = What's new (Atom feed)
footer-built = Site updated on { $date }

## Vocabularies
# A vocabulary's name as the heading of its pages; .facet as a search filter; .taxonomy and
# .description as a taxonomy in the open data.
vocab-service-types = Types of service
    .facet = Type of service
    .taxonomy = Service types
    .description = The kind of social service.
vocab-activities = What services offer
    .facet = Activity
    .taxonomy = Activities under the Social Services Act
    .description = The ten groups of activities of the Social Services Act (in force since 1 July 2020).
vocab-target-groups = Whom services are for
    .facet = For whom
    .taxonomy = Target groups
    .description = Whom the service is for.
vocab-funding = Funding
    .facet = Funding
    .taxonomy = Funding
    .description = Where the money for the service comes from.
vocab-localities = Towns and villages
    .facet = Town or village
    .taxonomy = Places
    .description = The town or village of the address.
vocab-provider-kinds = Organisations
    .facet = Kind of organisation
    .taxonomy = Kinds of organisation
    .description = What kind of organisation it is.
vocab-partnership-kinds = Partnerships
    .facet = Kind of agreement
    .taxonomy = Kinds of partnership
    .description = What kind of agreement between organisations it is.
term-empty = Nothing is listed here yet.

## Service page
service-offers = What it offers
service-for-whom = Whom it is for
ages-range = Ages { $min } to { $max }.
ages-from = From age { $min }.
ages-to = Up to age { $max }.
service-where = Where
no-address = No address is listed yet. Ask the provider or the Social Assistance Directorate.
service-when = Opening hours
service-how = How to get in
referral-not-needed = You can come without a referral from the Social Assistance Directorate.
referral-needed = You need a referral from the Social Assistance Directorate.
fee-yes = The service charges a fee.
fee-no = The service is free of charge.
how-unknown = The directory does not say yet; ask the service or the Social Assistance Directorate.
service-who = Who runs it
provider-not-listed = The provider is not listed in the directory yet.
service-size = Size and funding
capacity = Capacity
units = Facilities
funding = Funding
licences = Licences
partnerships = Partnerships
related = Related services
more = More about it
wheelchair-yes = Wheelchair accessible
wheelchair-no = Not wheelchair accessible
map-link = Show on the map (OpenStreetMap)
# Also in brochures and in the open data (.description).
no-provider = Provider not listed
    .description = The directory's sources do not say who runs these services.

## Opening hours
hours-day-mo = Mon
hours-day-tu = Tue
hours-day-we = Wed
hours-day-th = Thu
hours-day-fr = Fri
hours-day-sa = Sat
hours-day-su = Sun
hours-every-day = every day
hours-public-holidays = public holidays
hours-closed = closed
hours-open-24-hours = open 24 hours
hours-always-open = { hours-open-24-hours }, { hours-every-day }

## Contact
contact = Contact
contact-person = Ask for
contact-phone = Phone
contact-email = E-mail
contact-website = Website
contact-facebook = Facebook
contact-none = No contact details are listed yet.
fallback-title = Whom to ask
fallback-intro = This page does not yet give a phone number or an address for the service. Ask:
fallback-source = According to
licence-number = No. { $number }
licence-issued = issued { $date }
licence-by = by

## Listings
sources = Sources
verified = Checked on

## Provider page
provider-services = Services it runs
provider-no-services = The directory lists no services run by this organisation.
provider-where = Where
provider-partnerships = Partnerships it is a party to
eik = Company ID (EIK)

## Partnership page
in-force = In force on { $date }.
not-in-force = Not in force on { $date }.
not-yet-in-force = Not yet in force on { $date }; it starts on { $start }.
partnership-parties = Parties
partnership-term = Term and legal basis
partnership-period = Term
period-from-to = { $start } to { $end }
period-from = From { $start }, with no end date
partnership-basis = Legal basis
partnership-services = Services it covers

## Page not found
not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved, or the address may be mistyped.
not-found-home = Go to the home page

## Dates
date = { $day } { $monthname } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
brochures-title = Brochures
brochures-link = Printable brochures
brochures-intro = PDF brochures to print and hand out at meetings, seminars and fairs. Each service in them has a QR code that opens its page in the directory. The brochures are tagged PDF (PDF/UA) that screen readers can read; the A4 booklets are for printing only.
brochures-events = Brochures for events
brochures-providers = A brochure for each organisation
brochures-none = There are no event brochures yet.
provider-brochure = The organisation's brochure (PDF)
brochures-booklet = A4 booklet to print and fold (PDF for printing only)

## Accessibility statement (config.toml [accessibility])
accessibility-link = Accessibility
accessibility-title = Accessibility statement
accessibility-intro = { $publisher } wants this website to be accessible to everyone, in line with Directive (EU) 2016/2102 on the accessibility of the websites and mobile applications of public sector bodies.
accessibility-standard = The site is tested against the Web Content Accessibility Guidelines (WCAG) 2.1, levels A and AA, to which the harmonised standard EN 301 549 refers.
accessibility-result = Last evaluation
accessibility-evaluated = The site was evaluated on
accessibility-not-evaluated = The site has not been evaluated yet.
accessibility-method = How the site is tested
accessibility-method-intro = Self-assessment: with every change to the program that builds the site, automatic tests in a browser check:
accessibility-test-axe = with axe-core: the WCAG 2.1 level A and AA rules on every kind of page, in Bulgarian and in English;
accessibility-test-html = with the Nu Html Checker: that every page is valid HTML;
accessibility-test-keyboard = with the keyboard only: that every link and button can be reached, focus can be seen, and the "Skip to content" link works;
accessibility-test-phone = on a phone screen 360 pixels wide: that pages do not scroll sideways, and that everything you tap is at least 24 pixels;
accessibility-test-print = in print: that a typical service page fits on one A4 sheet, without the menu.
accessibility-method-limits = Automatic tests find only some barriers. People who use assistive technologies find others, which is why your feedback matters.
accessibility-feedback = Feedback
accessibility-feedback-intro = If you meet a barrier on this site, or need the information in another form, write or call:
accessibility-no-contact = How to tell { $publisher } about barriers on this site has not been set yet.

## Printed brochures

print-kind-event = Brochure
print-kind-provider = Social service provider
print-printed-on = Printed on { $date }
print-date = { $day } { $month-name } { $year }
print-notes = Notes
print-contents = Contents
print-introduction = Introduction
print-page = p.
print-page-of = { $page } of { $total }

print-for-whom = For whom
print-ages = ages { $min }–{ $max }
print-ages-from = from age { $min }
print-ages-to = up to age { $max }
print-offers = What it offers
print-where = Where and when
print-access = How to get in
print-runs = Who runs it
print-contact = Contact
print-no-location = The directory's sources give no address.
print-self-referral-yes = You can come on your own, without a referral.
print-self-referral-no = Needs a referral from the Social Assistance Directorate.
print-fee-no = Free of charge for the user.
print-capacity = Places: { $count }
print-wheelchair-yes = wheelchair accessible
print-wheelchair-no = not wheelchair accessible
print-person = Ask for: { $name }
print-not-translated = Not yet translated.

print-provider-about = About the organisation
print-provider-eik = Company ID (EIK) { $eik }
print-licences = Licences and certificates
print-licence-issued = of { $date }
print-services = Services
print-services-of = The organisation's services

print-other-services = Other services
print-closing-title = The full directory
print-closing-text = Every social service in the municipality, with addresses, phone numbers and the latest details, is in the online directory. It also has a search and the providers' brochures.
print-scan = Scan the codes with your phone: each opens the service's page in the directory.
# The text a screen reader reads in place of a QR code (the brochures are tagged PDF/UA).
print-qr-page = QR code: opens the page of “{ $name }” in the online directory, { $url }
print-qr-home = QR code: opens the online directory, { $url }
# The A4 booklet is imposed for folding; its title and subject send readers to the A5 file.
print-booklet-title = { $title } – A4 booklet for printing
print-booklet-description = The version to print and fold, without structure for screen readers. To read on screen: { $url }

## Open data: the page
# The link to the page, and its title.
open-data-link = Open data
open-data-files = Files
open-data-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
# A file's size of 1,000 bytes or more: $number is already written with the decimal separator.
open-data-size = { $unit ->
    [kb] { $number } KB
   *[mb] { $number } MB
}
# The decimal separator of numbers written by the program (file sizes).
decimal-separator = .
opendata-page-intro = The data of this directory are free to reuse – by the Social Assistance Agency, by helplines, by journalists, by the Bulgarian open data portal. Here are all { $services } services and { $organizations } organisations of the directory, made afresh when the site was last published ({ $date }). They are published by { $publisher }.
opendata-page-standard = The files follow the international standard for directories of human services, Open Referral's Human Services Data Specification (HSDS) 3.0. hsds.json holds the arrays organizations and services; each service is a complete HSDS object with its organisation, addresses, opening hours, phones, contacts, funding and classifications (service type, activities, target groups, funding, place). The same data are in HSDS's tabular form too: CSV files described by datapackage.json (a Frictionless Data Package).
opendata-page-languages = HSDS has no fields in several languages, so each language has its own files: hsds.json and csv/bg/ are in Bulgarian, hsds.en.json and csv/en/ in English. Records have the same identifiers in both languages. Where an English translation is still missing, the text is in Bulgarian and addresses are transliterated.
opendata-page-ids = Identifiers are version 5 UUIDs made from the directory's own ids (for example service/<id> for a service, provider/<id> for an organisation), so they do not change from one publication to the next. The address of each service's and organisation's page is in the url and uri fields. Times are local time in Bulgaria.
opendata-data-licence = The data are published under the { $name } licence.
opendata-data-licence-none = The municipality has not yet chosen a licence for the data.
opendata-file-json = All organisations and services in HSDS 3.0, as JSON
opendata-file-datapackage = Description of the CSV tables (Frictionless Data Package)
opendata-file-table = HSDS table “{ $name }”, CSV

## Open data: the HSDS files
opendata-package-description = The directory's social services and organisations in the Human Services Data Specification (HSDS) 3.0, tabular form.
opendata-free-of-charge = The service is free of charge for its users.
opendata-charges = The service charges its users a fee.
opendata-self-referral = You can go to the service directly, without a referral from the Social Assistance Directorate.
opendata-needs-referral = A referral from the Social Assistance Directorate is needed.
opendata-ages-range = Ages { $min } to { $max }.
opendata-ages-from = Ages { $min } and over.
opendata-ages-to = Ages up to { $max }.
opendata-wheelchair-yes = Wheelchair accessible.
opendata-wheelchair-no = Not wheelchair accessible.
opendata-bulgarian = Bulgarian
opendata-language-note = Social services in Bulgaria are delivered in Bulgarian; the directory's sources name no other languages.
opendata-eik = EIK (Bulgarian Unified Identification Code)
# A service's licence: its number, then the date of issue, issuer and scope when known (none when not).
opendata-service-licence = { licence-number }{ $issued ->
        [none] {""}
       *[other] {" "}of { $issued }
    }{ $issuer ->
        [none] {""}
       *[other] , issued by { $issuer }
    }{ $scope ->
        [none] {""}
       *[other] {" "}({ $scope })
    }
# Before the public-holiday rules in the schedules' notes.
opendata-public-holidays = Public holidays
# Numbers about a service that HSDS has no field for (attributes of the "figures" taxonomy).
opendata-figures = Figures about the service
    .description = Numbers about a service that HSDS 3.0 has no field for; the number is the attribute's value.
opendata-figure-units = Number of separate facilities
opendata-figure-capacity = Capacity (places)
opendata-figure-users = Number of users, as last reported

## Sources, checking and terms (issue 17)

sources-according-to = According to:
checked-with-provider = Checked with the provider on
date-month = { $monthname } { $year }
date-year = { $year }
in-force-unknown = The sources do not say whether it is in force on { $date }.
period-from-end-unknown = From { $start }; the end date is not known
period-to-start-unknown = Until { $end }; the start date is not known
period-open-start-unknown = With no end date; the start date is not known
period-unknown = Not known
print-draft = DRAFT PRINT – the site's address has not been set yet
home-counts-without-units = The directory lists { $services ->
    [one] 1 service
   *[other] { $services } services
}{ $providers ->
    [0] {""}
    [one] , run by 1 organisation
   *[other] , run by { $providers } organisations
}.
sources-page-title = Sources of the information
sources-page-intro = The documents the directory's information comes from, with their dates and the entries that cite them. The information is as true as the documents were on their dates.
sources-page-cited-by = { $count ->
    [one] Cited by 1 entry:
   *[other] Cited by { $count } entries:
}

## Area served (`area_served`): where a service without an address works
area-served = Serves:
area-served-municipality = Serves the whole municipality.
opendata-area-municipality = The whole municipality

## A–Z lists (/en/services/, /en/providers/)
az-services-title = All services, A to Z
az-services-intro = Every social service in the directory, in alphabetical order of its name. Each leads to its page: what it offers, whom it is for, where it is and how to use it.
az-providers-title = All organisations, A to Z
az-providers-intro = Every organisation in the directory – the municipality, state bodies and non-governmental organisations – in alphabetical order of its name.
az-letters = Letters
az-part-title = { $title }, page { $part } of { $parts }
az-part-line = Page { $part } of { $parts }: from “{ $from }” to “{ $to }”.
list-parts = Pages of the list
list-previous = Previous
list-next = Next
