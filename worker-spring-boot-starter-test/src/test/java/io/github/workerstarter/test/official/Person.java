package io.github.workerstarter.test.official;

public record Person(String firstName, String lastName) {

}
