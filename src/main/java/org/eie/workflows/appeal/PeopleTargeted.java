package org.eie.workflows.appeal;

/**
 * People a plan or project targets, disaggregated as donors ask: by sex (girls, boys; female and
 * male teachers), by age group (children of school age; adults, who here are teachers and other
 * education personnel) and by disability (of all the above, people with disabilities).
 */
public record PeopleTargeted(long girls, long boys, long femaleTeachers, long maleTeachers,
    long withDisabilities) {

  public static final PeopleTargeted NONE = new PeopleTargeted(0, 0, 0, 0, 0);

  public long female() {
    return girls + femaleTeachers;
  }

  public long male() {
    return boys + maleTeachers;
  }

  public long children() {
    return girls + boys;
  }

  public long adults() {
    return femaleTeachers + maleTeachers;
  }

  public long total() {
    return children() + adults();
  }

  public PeopleTargeted plus(PeopleTargeted other) {
    return new PeopleTargeted(girls + other.girls, boys + other.boys,
        femaleTeachers + other.femaleTeachers, maleTeachers + other.maleTeachers,
        withDisabilities + other.withDisabilities);
  }
}
