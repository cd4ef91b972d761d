# Vocabulary labels (vocabularies.toml) of the Ruse social-services directory.
# Key: <list-name>-<id>. A few interface strings are overridden at the end.

## Kinds of service

service-types-day-centre = Day centre
service-types-csri = Centre for social rehabilitation and integration (ЦСРИ)
service-types-tsop = Community support centre (ЦОП)
service-types-tsrdu = Centre for street children
service-types-tsnst = Family-type placement centre (small group home, ЦНСТ)
service-types-mother-baby-unit = Mother and baby unit
service-types-protected-home = Protected home
service-types-crisis-centre = Crisis centre
service-types-shelter = Shelter / temporary accommodation centre
service-types-institution = Specialised institution (care home)
service-types-home-patronage = Home care service (social patronage)
service-types-public-canteen = Public canteen
service-types-foster-care = Foster care
service-types-emergency-admission = Emergency admission

## The ten groups of activities of the Social Services Act

activities-information-counselling = Information and counselling
    .description = You learn what your rights and options are, where to turn and how to deal with a particular problem.
activities-advocacy-mediation = Advocacy and mediation
    .description = A professional stands beside you with offices, courts or schools and helps make your voice heard.
activities-community-work = Community work
    .description = Work with a whole neighbourhood or village so that people can tackle shared problems together.
activities-therapy-rehabilitation = Therapy and rehabilitation
    .description = Psychological support, therapy and exercises that help a person regain or build up their abilities.
activities-skills-training = Training in life skills
    .description = Learning the skills of independent living: looking after yourself and your children, running a home, getting along with others.
activities-work-skills = Support in gaining work skills
    .description = Help to get ready for a job, to find one and to keep it.
activities-day-care = Day care
    .description = Care and activities during the day; in the evening the person goes home.
activities-residential-care = Residential care
    .description = The person lives in the service when they cannot live in their own home or family.
activities-shelter = Shelter
    .description = A temporary place to sleep and stay in an emergency: homelessness, violence or a family crisis.
activities-assistant-support = Assistant support
    .description = Help with everyday needs such as meals, housework and getting around, for people who cannot manage alone.

## Target groups

target-groups-children = Children and young people
target-groups-children-disabilities = Children and young people with disabilities
target-groups-children-without-parental-care = Children without parental care
target-groups-street-children = Street children
target-groups-children-conflict-law = Children in contact or in conflict with the law
target-groups-families-at-risk = Families with children at risk
target-groups-mothers-babies = Pregnant women, new mothers and mothers with babies
target-groups-foster-adoptive-families = Foster and adoptive families
target-groups-adults = Adults
target-groups-adults-disabilities = People with disabilities
target-groups-mental-health = People with mental disorders
target-groups-intellectual-disability = People with intellectual disabilities
target-groups-elderly = Older people
target-groups-dementia = People with dementia
target-groups-violence-victims = Victims of violence, trafficking or exploitation
target-groups-homeless = Homeless people
target-groups-low-income = People on low incomes

## Funding

funding-state-delegated = State-delegated activity (national budget)
funding-local = Local activity (municipal budget)
funding-project = Project-funded

## Places

localities-ruse = Ruse

## Kinds of organisation

provider-kinds-municipality = Municipality
provider-kinds-municipal-directorate = Municipal directorate
provider-kinds-ngo = Non-governmental organisation
provider-kinds-church-charity = Church charity
provider-kinds-company = Company
provider-kinds-university = University
provider-kinds-state-agency = Government body
provider-kinds-hospital = Hospital

## Kinds of partnership

partnership-kinds-cooperation-agreement = Cooperation agreement
partnership-kinds-management-contract = Contract to manage social services
partnership-kinds-service-contract = Service contract

## Interface strings overridden for this directory
provider-not-listed = The sources do not say who provides this service.
no-address = The sources give no address. Ask the Social Assistance Directorate.
# Every organisation in the directory, not only providers: it also lists public bodies, and most
# services name no provider. No facility count: foster care and Emergency Admission are not
# among the 42, so they give no `units`.
home-counts-without-units = The directory describes { $services ->
    [one] 1 service
   *[other] { $services } services
} and { $organisations ->
    [one] 1 organisation
   *[other] { $organisations } organisations
}. According to the municipality, there were 42 social services in Ruse municipality as of January 2020.
